<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bs">
<context>
    <name>Backend</name>
    <message>
        <source>Locked</source>
        <translation>Zaključano</translation>
    </message>
    <message>
        <source>Dojava Desk is locked. Unlock it with your passphrase.</source>
        <translation>Dojava Desk je zaključan. Otključajte ga svojom lozinkom.</translation>
    </message>
    <message>
        <source>Unlocking and checking the server…</source>
        <translation>Otključavanje i provjera servera…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Otključavanje</translation>
    </message>
    <message>
        <source>Opening your cases…</source>
        <translation>Otvaranje vaših slučajeva…</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>Spisak slučajeva</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Otvaranje slučaja</translation>
    </message>
    <message>
        <source>Opening the case…</source>
        <translation>Otvara se slučaj…</translation>
    </message>
    <message>
        <source>Adding the note…</source>
        <translation>Dodaje se bilješka…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Bilješka</translation>
    </message>
    <message>
        <source>Note added (only your team sees it).</source>
        <translation>Bilješka je dodana (vidi je samo vaš tim).</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changing the status…</source>
        <translation>Mijenja se status…</translation>
    </message>
    <message>
        <source>Status set to %1.</source>
        <translation>Status je postavljen na %1.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Oznaka</translation>
    </message>
    <message>
        <source>Adding the label…</source>
        <translation>Dodaje se oznaka…</translation>
    </message>
    <message>
        <source>Label added.</source>
        <translation>Oznaka je dodana.</translation>
    </message>
    <message>
        <source>Assigning…</source>
        <translation>Dodjeljivanje…</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Dodjela</translation>
    </message>
    <message>
        <source>Unassigned.</source>
        <translation>Dodjela je uklonjena.</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>Dodijeljeno: %1.</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Preuzimanje…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Preuzimanje</translation>
    </message>
    <message>
        <source>Sending the reply…</source>
        <translation>Šalje se odgovor…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Odgovor</translation>
    </message>
    <message>
        <source>No private temporary folder for the cleaned copies.</source>
        <translation>Nema privatnog privremenog foldera za očišćene kopije.</translation>
    </message>
    <message>
        <source>Encrypting and sending %1…</source>
        <translation>Šifrira se i šalje %1…</translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation>Odgovor je poslan.</translation>
    </message>
    <message numerus="yes">
        <source>Reply sent with %n file(s).</source>
        <translation>
            <numerusform>Odgovor je poslan uz %n datoteku.</numerusform>
            <numerusform>Odgovor je poslan uz %n datoteke.</numerusform>
            <numerusform>Odgovor je poslan uz %n datoteka.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sharing the case…</source>
        <translation>Slučaj se dijeli…</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Dijeljenje</translation>
    </message>
    <message>
        <source>%1 already had access to this case.</source>
        <translation>%1 već ima pristup ovom slučaju.</translation>
    </message>
    <message>
        <source>%1 can now read this case.</source>
        <translation>%1 sada može čitati ovaj slučaj.</translation>
    </message>
    <message>
        <source>Sharing all your cases with %1…</source>
        <translation>Vaši slučajevi dijele se s članom tima %1…</translation>
    </message>
    <message>
        <source>Grant all</source>
        <translation>Dijeljenje svih slučajeva</translation>
    </message>
    <message>
        <source>Deleting the case…</source>
        <translation>Briše se slučaj…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Brisanje</translation>
    </message>
    <message>
        <source>Checking for new activity</source>
        <translation>Provjera nove aktivnosti</translation>
    </message>
    <message>
        <source>Checking your setup…</source>
        <translation>Provjeravaju se vaše postavke…</translation>
    </message>
    <message>
        <source>Creating your tor client key…</source>
        <translation>Pravi se vaš klijentski ključ za tor…</translation>
    </message>
    <message>
        <source>Tor client key</source>
        <translation>Klijentski ključ za tor</translation>
    </message>
    <message>
        <source>No key was made: %1</source>
        <translation>Ključ nije napravljen: %1</translation>
    </message>
    <message>
        <source>Creating your reviewer key (this takes a few seconds)…</source>
        <translation>Pravi se vaš ključ člana tima (traje nekoliko sekundi)…</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Novi ključ</translation>
    </message>
    <message>
        <source>%1 already exists. The app never overwrites a key file: choose another name, or open that key instead.</source>
        <translation>%1 već postoji. Aplikacija nikada ne prepisuje datoteku s ključem: odaberite drugo ime ili umjesto toga otvorite taj ključ.</translation>
    </message>
    <message>
        <source>Sealing your case keys to your new encryption key…</source>
        <translation>Ključevi vaših slučajeva se zaključavaju vašim novim ključem za šifriranje…</translation>
    </message>
    <message>
        <source>Your case keys could not be sealed to your new encryption key yet (the app tries again at the next unlock): %1</source>
        <translation>Ključevi vaših slučajeva još se nisu mogli zaključati vašim novim ključem za šifriranje (aplikacija pokušava ponovo pri narednom otključavanju): %1</translation>
    </message>
    <message numerus="yes">
        <source>Your new encryption key is on the roster: %n key(s) of your cases are now sealed to it.</source>
        <translation>
            <numerusform>Vaš novi ključ za šifriranje je na spisku članova tima: %n ključ vaših slučajeva je sada zaključan njime.</numerusform>
            <numerusform>Vaš novi ključ za šifriranje je na spisku članova tima: %n ključa vaših slučajeva su sada zaključana njime.</numerusform>
            <numerusform>Vaš novi ključ za šifriranje je na spisku članova tima: %n ključeva vaših slučajeva je sada zaključano njime.</numerusform>
        </translation>
    </message>
    <message>
        <source>The old key file %1 is destroyed.</source>
        <translation>Stara datoteka s ključem %1 je uništena.</translation>
    </message>
    <message>
        <source>Not sealed again yet (the old key is kept until they are): %1</source>
        <translation>Još nisu ponovo zaključani (stari ključ se čuva dok ne budu): %1</translation>
    </message>
    <message>
        <source>Logging in again…</source>
        <translation>Ponovno prijavljivanje…</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>New</source>
        <translation>Novo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Naslov</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Država</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Vrsta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Oznake</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Dodijeljeno</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Posljednja aktivnost</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Datoteke</translation>
    </message>
    <message>
        <source>Search in the cases&apos; text</source>
        <translation>Pretraga teksta slučajeva</translation>
    </message>
    <message>
        <source>Search in the decrypted text (Ctrl+F)</source>
        <translation>Pretraga dešifriranog teksta (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show cases with status</source>
        <translation>Prikaži slučajeve sa statusom</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Svi statusi</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Slučajevi</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Pretraga:</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>nepročitano</translation>
    </message>
    <message>
        <source>read</source>
        <translation>pročitano</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Verification warning</source>
        <translation>Upozorenje o provjeri</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Prijava</translation>
    </message>
    <message>
        <source>Conversation with the source</source>
        <translation>Razgovor s izvorom</translation>
    </message>
    <message>
        <source>Internal notes, not seen by the source</source>
        <translation>Interne bilješke, izvor ih ne vidi</translation>
    </message>
    <message>
        <source>Reply to the source</source>
        <translation>Odgovor izvoru</translation>
    </message>
    <message>
        <source>Reply to the source (the source will read this)</source>
        <translation>Odgovor izvoru (izvor će ovo pročitati)</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interna bilješka</translation>
    </message>
    <message>
        <source>Internal note (only your team sees this)</source>
        <translation>Interna bilješka (vidi je samo vaš tim)</translation>
    </message>
    <message>
        <source>Send &amp;reply</source>
        <translation>Pošalji &amp;odgovor</translation>
    </message>
    <message>
        <source>Send the reply to the source</source>
        <translation>Pošalji odgovor izvoru</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Dodaj &amp;bilješku</translation>
    </message>
    <message>
        <source>Add the internal note</source>
        <translation>Dodaj internu bilješku</translation>
    </message>
    <message>
        <source>Internal notes — the source never sees these</source>
        <translation>Interne bilješke — izvor ih nikada ne vidi</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Slučaj</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Set s&amp;tatus</source>
        <translation>Postavi s&amp;tatus</translation>
    </message>
    <message>
        <source>Set the status</source>
        <translation>Postavi status</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Nova oznaka</translation>
    </message>
    <message>
        <source>label</source>
        <translation>oznaka</translation>
    </message>
    <message>
        <source>Add &amp;label</source>
        <translation>Dodaj o&amp;znaku</translation>
    </message>
    <message>
        <source>Add the label</source>
        <translation>Dodaj oznaku</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Dodijeljeno</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Dodijeli</translation>
    </message>
    <message>
        <source>Assign the case</source>
        <translation>Dodijeli slučaj</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Priložene datoteke</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Preuzmi…</translation>
    </message>
    <message>
        <source>Download the chosen attachment</source>
        <translation>Preuzmi odabranu datoteku</translation>
    </message>
    <message>
        <source>Colleague to share the case with</source>
        <translation>Kolega s kojim dijelite slučaj</translation>
    </message>
    <message>
        <source>&amp;Share with</source>
        <translation>&amp;Podijeli s</translation>
    </message>
    <message>
        <source>Share the case with the colleague</source>
        <translation>Podijeli slučaj s kolegom</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>Obriši slučaj…</translation>
    </message>
    <message>
        <source>Delete the case for good</source>
        <translation>Trajno obriši slučaj</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niko</translation>
    </message>
    <message>
        <source>me (%1)</source>
        <translation>ja (%1)</translation>
    </message>
    <message>
        <source>Files to send with the reply</source>
        <translation>Datoteke koje idu uz odgovor</translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation>Priloži &amp;datoteku…</translation>
    </message>
    <message>
        <source>Attach a file to the reply</source>
        <translation>Priloži datoteku uz odgovor</translation>
    </message>
    <message>
        <source>A file to send to the source</source>
        <translation>Datoteka za slanje izvoru</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ukloni</translation>
    </message>
    <message>
        <source>Remove the chosen file</source>
        <translation>Ukloni odabranu datoteku</translation>
    </message>
    <message>
        <source>Remove metadata with mat2 before sending</source>
        <translation>Ukloni metapodatke pomoću mat2 prije slanja</translation>
    </message>
    <message>
        <source>Warning about the attached files</source>
        <translation>Upozorenje o priloženim datotekama</translation>
    </message>
    <message>
        <source>mat2 is not installed: these files are sent as they are, with their metadata (author, device, dates, and for photos often the place). Install mat2 to remove it.</source>
        <translation>mat2 nije instaliran: ove datoteke šalju se takve kakve jesu, s metapodacima (autor, uređaj, datumi, a kod fotografija često i mjesto). Instalirajte mat2 da biste ih uklonili.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 se ne može pročitati.</translation>
    </message>
    <message>
        <source>%1 holds location data (GPS): where the photo was taken. Keep &quot;Remove metadata&quot; on.</source>
        <translation>%1 sadrži podatke o lokaciji (GPS): gdje je fotografija snimljena. Ostavite uključeno „Ukloni metapodatke“.</translation>
    </message>
    <message>
        <source>%1 holds location data (GPS): it shows where the photo was taken.  Do not send it like this.</source>
        <translation>%1 sadrži podatke o lokaciji (GPS): pokazuje gdje je fotografija snimljena. Ne šaljite je takvu.</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>status: %1</translation>
    </message>
    <message>
        <source>no labels</source>
        <translation>bez oznaka</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>nije dodijeljeno</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>dodijeljeno: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of this case failed verification: they were changed or damaged on the server and are not shown. </source>
        <translation>
            <numerusform>%n poruka ovog slučaja nije prošla provjeru: izmijenjena je ili oštećena na serveru i nije prikazana. </numerusform>
            <numerusform>%n poruke ovog slučaja nisu prošle provjeru: izmijenjene su ili oštećene na serveru i nisu prikazane. </numerusform>
            <numerusform>%n poruka ovog slučaja nije prošlo provjeru: izmijenjene su ili oštećene na serveru i nisu prikazane. </numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#777&apos;&gt;No notes yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Još nema bilježaka.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No case open&lt;/h3&gt;Choose a case from the list.</source>
        <translation>&lt;h3&gt;Nijedan slučaj nije otvoren&lt;/h3&gt;Odaberite slučaj sa spiska.</translation>
    </message>
    <message>
        <source>%1. %2  (%3 bytes, %4)</source>
        <translation>%1. %2  (%3 B, %4)</translation>
    </message>
    <message>
        <source>Do not trust this case. Its first message (the source&apos;s report) or the order of its messages failed verification: someone with access to the server may have swapped the case&apos;s key and could read anything written here. Replies and notes are switched off for this case; tell your admin. </source>
        <translation>Ne vjerujte ovom slučaju. Njegova prva poruka (prijava izvora) ili redoslijed njegovih poruka nije prošao provjeru: neko ko ima pristup serveru možda je zamijenio ključ slučaja i mogao bi pročitati sve što se ovdje napiše. Odgovori i bilješke su isključeni za ovaj slučaj; obavijestite administratora. </translation>
    </message>
    <message>
        <source>%1. %2  (%3 bytes)</source>
        <translation>%1. %2  (%3 B)</translation>
    </message>
    <message>
        <source>Warning about the source&apos;s key</source>
        <translation>Upozorenje o ključu izvora</translation>
    </message>
    <message>
        <source>The server&apos;s key for the source of this case is not the one in the source&apos;s signed report. Someone with access to the server may have swapped it, to read what a re-key would send the source. Do not re-key this case; tell your admin. Reading and replying stay possible: the case&apos;s own key is not in question.</source>
        <translation>Ključ izvora ovog slučaja koji daje server nije onaj iz potpisane prijave izvora. Neko ko ima pristup serveru možda ga je zamijenio kako bi pročitao ono što bi promjena ključa slučaja poslala izvoru. Ne mijenjajte ključ ovog slučaja; obavijestite administratora. Čitanje i odgovaranje su i dalje mogući: sam ključ slučaja nije doveden u pitanje.</translation>
    </message>
    <message>
        <source>Warning about the case&apos;s re-keys</source>
        <translation>Upozorenje o promjenama ključa slučaja</translation>
    </message>
    <message>
        <source>A re-key of this case could not be read and was skipped (generation %1). Someone with access to the server, or with a colleague&apos;s key, may have stored a damaged one. </source>
        <translation>Jedna promjena ključa ovog slučaja nije se mogla pročitati i preskočena je (generacija %1). Neko ko ima pristup serveru ili ključu kolege možda je pohranio oštećenu. </translation>
    </message>
    <message>
        <source> Replies, notes and status changes are switched off for this case; reading stays possible.</source>
        <translation> Odgovori, bilješke i promjene statusa isključeni su za ovaj slučaj; čitanje je i dalje moguće.</translation>
    </message>
    <message>
        <source>It is ignored: replies and notes go on under the last case key that could be followed. Tell your admin if it happens again.</source>
        <translation>Zanemarena je: odgovori i bilješke nastavljaju se pod posljednjim ključem slučaja koji se mogao pratiti. Obavijestite administratora ako se to ponovi.</translation>
    </message>
    <message>
        <source>The server lists the re-keys of this case out of order. Someone with access to the server may be hiding or replaying one. Tell your admin.</source>
        <translation>Server navodi promjene ključa ovog slučaja pogrešnim redom. Neko ko ima pristup serveru možda neku skriva ili ponavlja. Obavijestite administratora.</translation>
    </message>
    <message>
        <source>A re-key of this case (generation %1) failed verification. Someone with access to the server, or with a colleague&apos;s key, may be trying to swap the case&apos;s key for one they can read. Later re-keys are not followed. Tell your admin.</source>
        <translation>Jedna promjena ključa ovog slučaja (generacija %1) nije prošla provjeru. Neko ko ima pristup serveru ili ključu kolege možda pokušava zamijeniti ključ slučaja onim koji može pročitati. Kasnije promjene ključa se ne prate. Obavijestite administratora.</translation>
    </message>
    <message>
        <source>This case was re-keyed (generation %1) and the new case key was not given to you. What you wrote now could not be read under the new key. Ask a colleague who holds it to share the case with you again.</source>
        <translation>Ključ ovog slučaja je promijenjen (generacija %1) i novi ključ slučaja vam nije dat. Ono što biste sada napisali ne bi se moglo pročitati pod novim ključem. Zamolite kolegu koji ga ima da ponovo podijeli slučaj s vama.</translation>
    </message>
    <message>
        <source>The new case key of a re-key of this case (generation %1), as given to you, failed verification. Someone with access to the server may have changed it. Tell your admin.</source>
        <translation>Novi ključ slučaja iz jedne promjene ključa ovog slučaja (generacija %1), onakav kakav vam je dat, nije prošao provjeru. Neko ko ima pristup serveru možda ga je izmijenio. Obavijestite administratora.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>week of arrival</source>
        <translation>sedmica prijema</translation>
    </message>
    <message>
        <source>day of arrival</source>
        <translation>dan prijema</translation>
    </message>
    <message>
        <source>month of arrival</source>
        <translation>mjesec prijema</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>label</source>
        <translation>oznaka</translation>
    </message>
    <message>
        <source>country</source>
        <translation>država</translation>
    </message>
    <message>
        <source>kind of incident</source>
        <translation>vrsta incidenta</translation>
    </message>
    <message>
        <source>Count cases by</source>
        <translation>Broj slučajeva po</translation>
    </message>
    <message>
        <source>Chart of the counts</source>
        <translation>Grafikon s brojem slučajeva</translation>
    </message>
    <message>
        <source>Counts (what an export contains)</source>
        <translation>Brojevi (sadržaj izvoza)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Izvezi &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Izvezi &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Back to the cases</source>
        <translation>&amp;Nazad na slučajeve</translation>
    </message>
    <message>
        <source>Count cases &amp;by:</source>
        <translation>Broj slučajeva &amp;po:</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>broj slučajeva</translation>
    </message>
    <message>
        <source>Cases by %1</source>
        <translation>Broj slučajeva — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in the list. Exports hold only these counts, never a case&apos;s text or id.</source>
        <translation>
            <numerusform>Na spisku je %n slučaj. Izvoz sadrži samo ove brojeve, nikada tekst ili ID slučaja.</numerusform>
            <numerusform>Na spisku su %n slučaja. Izvoz sadrži samo ove brojeve, nikada tekst ili ID slučaja.</numerusform>
            <numerusform>Na spisku je %n slučajeva. Izvoz sadrži samo ove brojeve, nikada tekst ili ID slučaja.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the counts</source>
        <translation>Izvoz brojeva</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Izvezeno u %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Nije moguće upisati %1: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nema)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dojava Desk</source>
        <translation>Dojava Desk</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Napredak</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Otkaži</translation>
    </message>
    <message>
        <source>Cancel the running operation</source>
        <translation>Otkaži operaciju koja je u toku</translation>
    </message>
    <message>
        <source>Starting tor…</source>
        <translation>Pokreće se tor…</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Nova aktivnost</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Glavna traka</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Osvježi</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Zaključaj</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Statistika</translation>
    </message>
    <message>
        <source>S&amp;hare all my cases…</source>
        <translation>Podijeli sve moje s&amp;lučajeve…</translation>
    </message>
    <message numerus="yes">
        <source>Shared %n case(s);</source>
        <translation>
            <numerusform>Podijeljen je %n slučaj;</numerusform>
            <numerusform>Podijeljena su %n slučaja;</numerusform>
            <numerusform>Podijeljeno je %n slučajeva;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n the colleague had already.</source>
        <translation>
            <numerusform>Kolega je već imao: %n.</numerusform>
            <numerusform>Kolega je već imao: %n.</numerusform>
            <numerusform>Kolega je već imao: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not yours to share.</source>
        <translation>
            <numerusform>Nisu vaši za dijeljenje: %n.</numerusform>
            <numerusform>Nisu vaši za dijeljenje: %n.</numerusform>
            <numerusform>Nisu vaši za dijeljenje: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not shared: %1</source>
        <translation>Nije podijeljeno: %1</translation>
    </message>
    <message>
        <source>Case deleted.</source>
        <translation>Slučaj je obrisan.</translation>
    </message>
    <message>
        <source>Save the attachment in</source>
        <translation>Sačuvaj priloženu datoteku u</translation>
    </message>
    <message numerus="yes">
        <source>tor could not connect to the tor network in %n second(s). Check your network; where tor is blocked, ask your operator about bridges.</source>
        <translation>
            <numerusform>tor se nije uspio povezati s mrežom Tor za %n sekundu. Provjerite svoju mrežu; gdje je tor blokiran, pitajte operatera za mostove (bridges).</numerusform>
            <numerusform>tor se nije uspio povezati s mrežom Tor za %n sekunde. Provjerite svoju mrežu; gdje je tor blokiran, pitajte operatera za mostove (bridges).</numerusform>
            <numerusform>tor se nije uspio povezati s mrežom Tor za %n sekundi. Provjerite svoju mrežu; gdje je tor blokiran, pitajte operatera za mostove (bridges).</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the tor network… %1%</source>
        <translation>Povezivanje s mrežom Tor… %1%</translation>
    </message>
    <message>
        <source>No private folder for tor&apos;s keys.</source>
        <translation>Nema privatnog foldera za ključeve tora.</translation>
    </message>
    <message>
        <source>Tor client key created.</source>
        <translation>Klijentski ključ za tor je napravljen.</translation>
    </message>
    <message>
        <source>&amp;Check my setup</source>
        <translation>&amp;Provjeri moje postavke</translation>
    </message>
    <message>
        <source>Please wait: another operation is running.</source>
        <translation>Sačekajte: u toku je druga operacija.</translation>
    </message>
    <message>
        <source>Setup checked.</source>
        <translation>Postavke su provjerene.</translation>
    </message>
    <message>
        <source>Dojava Desk — %1</source>
        <translation>Dojava Desk — %1</translation>
    </message>
    <message>
        <source>Unlocked as %1.</source>
        <translation>Otključano kao %1.</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Zaključano.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s).</source>
        <translation>
            <numerusform>%n slučaj.</numerusform>
            <numerusform>%n slučaja.</numerusform>
            <numerusform>%n slučajeva.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not shared with you.</source>
        <translation>
            <numerusform>Nije podijeljeno s vama: %n.</numerusform>
            <numerusform>Nije podijeljeno s vama: %n.</numerusform>
            <numerusform>Nije podijeljeno s vama: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Case opened.</source>
        <translation>Slučaj je otvoren.</translation>
    </message>
    <message>
        <source>Saved and verified: %1. Open it on a computer without network if you can.</source>
        <translation>Sačuvano i provjereno: %1. Ako možete, otvorite je na računaru bez pristupa mreži.</translation>
    </message>
    <message>
        <source>Careful: this image still says where it was taken (GPS location). Clean it with mat2 before you share it.</source>
        <translation>Pažnja: ova slika još pokazuje gdje je snimljena (GPS lokacija). Očistite je pomoću mat2 prije nego što je podijelite.</translation>
    </message>
    <message>
        <source>Please wait: another operation is running (or Cancel it).</source>
        <translation>Sačekajte: u toku je druga operacija (ili je otkažite).</translation>
    </message>
    <message>
        <source>Stopped as you asked.</source>
        <translation>Zaustavljeno na vaš zahtjev.</translation>
    </message>
    <message>
        <source>New activity in Dojava</source>
        <translation>Nova aktivnost u Dojavi</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unread messages. Refresh (F5) to see them.</source>
        <translation>
            <numerusform>%n slučaj s nepročitanim porukama. Osvježite (F5) da biste ih vidjeli.</numerusform>
            <numerusform>%n slučaja s nepročitanim porukama. Osvježite (F5) da biste ih vidjeli.</numerusform>
            <numerusform>%n slučajeva s nepročitanim porukama. Osvježite (F5) da biste ih vidjeli.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unread messages.</source>
        <translation>
            <numerusform>%n slučaj s nepročitanim porukama.</numerusform>
            <numerusform>%n slučaja s nepročitanim porukama.</numerusform>
            <numerusform>%n slučajeva s nepročitanim porukama.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your reviewer key is made.</source>
        <translation>Vaš ključ člana tima je napravljen.</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>Create a new reviewer key</source>
        <translation>Napravi novi ključ člana tima</translation>
    </message>
    <message>
        <source>Your reviewer key stays on this computer, in a file locked with a passphrase. The passphrase is all that protects the key if the file is ever copied: use the one suggested here (write it down and keep it apart from the computer) or a long one of your own.</source>
        <translation>Vaš ključ člana tima ostaje na ovom računaru, u datoteci zaključanoj lozinkom. Ako neko ikada kopira datoteku, ključ štiti samo lozinka: koristite onu koju vam ovdje predlažemo (zapišite je i čuvajte odvojeno od računara) ili svoju dugačku lozinku.</translation>
    </message>
    <message>
        <source>New key file</source>
        <translation>Nova datoteka s ključem</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Odaberi…</translation>
    </message>
    <message>
        <source>Choose where to save the new key file</source>
        <translation>Odaberite gdje sačuvati novu datoteku s ključem</translation>
    </message>
    <message>
        <source>Save the new key file as</source>
        <translation>Sačuvaj novu datoteku s ključem kao</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nova lozinka</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Nova lozinka, ponovo</translation>
    </message>
    <message>
        <source>&amp;Suggest a passphrase</source>
        <translation>&amp;Predloži lozinku</translation>
    </message>
    <message>
        <source>Suggest a passphrase</source>
        <translation>Predloži lozinku</translation>
    </message>
    <message numerus="yes">
        <source>Accept a passphrase shorter than %n character(s) (not recommended)</source>
        <translation>
            <numerusform>Prihvati lozinku kraću od %n znaka (ne preporučuje se)</numerusform>
            <numerusform>Prihvati lozinku kraću od %n znaka (ne preporučuje se)</numerusform>
            <numerusform>Prihvati lozinku kraću od %n znakova (ne preporučuje se)</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Greška</translation>
    </message>
    <message>
        <source>C&amp;reate the key</source>
        <translation>Napravi &amp;ključ</translation>
    </message>
    <message>
        <source>Create the key</source>
        <translation>Napravi ključ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Otkaži</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Datoteka s ključem:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lozinka:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>P&amp;onovo:</translation>
    </message>
    <message>
        <source>Your passphrase: %1
Write it down now; it is not shown again.</source>
        <translation>Vaša lozinka: %1
Zapišite je sada; više se neće prikazati.</translation>
    </message>
    <message>
        <source>Say where to save the key file.</source>
        <translation>Navedite gdje sačuvati datoteku s ključem.</translation>
    </message>
    <message>
        <source>%1 already exists. The app never overwrites a key file: choose another name, or open that key instead.</source>
        <translation>%1 već postoji. Aplikacija nikada ne prepisuje datoteku s ključem: odaberite drugo ime ili umjesto toga otvorite taj ključ.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same one twice.</source>
        <translation>Lozinke se razlikuju. Unesite istu lozinku dva puta.</translation>
    </message>
    <message>
        <source>Type a passphrase, or let the app suggest one.</source>
        <translation>Unesite lozinku ili neka vam je aplikacija predloži.</translation>
    </message>
    <message numerus="yes">
        <source>This passphrase is shorter than %n character(s). It is all that protects your key if the file is ever copied: use a longer one or the suggested one.</source>
        <translation>
            <numerusform>Ova lozinka je kraća od %n znaka. Ako neko ikada kopira datoteku, vaš ključ štiti samo ona: koristite dužu ili predloženu lozinku.</numerusform>
            <numerusform>Ova lozinka je kraća od %n znaka. Ako neko ikada kopira datoteku, vaš ključ štiti samo ona: koristite dužu ili predloženu lozinku.</numerusform>
            <numerusform>Ova lozinka je kraća od %n znakova. Ako neko ikada kopira datoteku, vaš ključ štiti samo ona: koristite dužu ili predloženu lozinku.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OwnTor</name>
    <message>
        <source>tor could not be started: %1</source>
        <translation>tor nije moguće pokrenuti: %1</translation>
    </message>
    <message>
        <source>tor stopped (exit code %1).</source>
        <translation>tor se zaustavio (izlazni kod %1).</translation>
    </message>
    <message>
        <source>tor is not installed (apt install tor), so the app cannot start it.</source>
        <translation>tor nije instaliran (apt install tor), pa ga aplikacija ne može pokrenuti.</translation>
    </message>
    <message>
        <source>%1 cannot be created as a private folder.</source>
        <translation>%1 se ne može napraviti kao privatni folder.</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for tor.</source>
        <translation>Nema slobodnog porta na 127.0.0.1 za tor.</translation>
    </message>
    <message>
        <source>The extra tor settings file %1 cannot be used: it must be a file you can read and only you can change.</source>
        <translation>Datoteka s dodatnim postavkama za tor %1 se ne može koristiti: mora biti datoteka koju možete čitati i koju samo vi možete mijenjati.</translation>
    </message>
    <message>
        <source>The extra tor settings file %1 cannot be used: it includes other files (%include), which the app cannot check. Put their lines in it instead.</source>
        <translation>Datoteka s dodatnim postavkama za tor %1 se ne može koristiti: uključuje druge datoteke (%include), koje aplikacija ne može provjeriti. Umjesto toga stavite njihove redove u nju.</translation>
    </message>
</context>
<context>
    <name>PlainError</name>
    <message>
        <source>The passphrase does not open this key file. Check the keyboard layout and Caps Lock and try again.</source>
        <translation>Lozinka ne otključava ovu datoteku s ključem. Provjerite raspored tastature i Caps Lock i pokušajte ponovo.</translation>
    </message>
    <message>
        <source>Verification failed: what the server sent is not signed by your organisation&apos;s admin key, or a case key changed since you last opened the case. The server may have been tampered with. Do not rely on this data; tell your admin before you go on.</source>
        <translation>Provjera nije uspjela: ono što je server poslao nije potpisano ključem administratora vaše organizacije ili se ključ slučaja promijenio otkako ste posljednji put otvorili slučaj. Moguće je da je neko neovlašteno mijenjao server. Ne oslanjajte se na ove podatke; obavijestite administratora prije nego što nastavite.</translation>
    </message>
    <message>
        <source>Verification failed: the server shows an older list of reviewers than this computer saw before. Someone may be replaying old data. Tell your admin.</source>
        <translation>Provjera nije uspjela: server prikazuje stariji spisak članova tima od onog koji je ovaj računar već vidio. Moguće je da neko ponovo podmeće stare podatke. Obavijestite administratora.</translation>
    </message>
    <message>
        <source>Verification failed: the list of reviewers the server shows has expired or does not continue the one this computer saw before. Someone may be replaying old data. Tell your admin.</source>
        <translation>Provjera nije uspjela: spisak članova tima koji server prikazuje je istekao ili se ne nastavlja na onaj koji je ovaj računar već vidio. Moguće je da neko ponovo podmeće stare podatke. Obavijestite administratora.</translation>
    </message>
    <message>
        <source>Verification failed: the case&apos;s records were changed, reordered or signed by someone no longer on the team. Do not rely on this data; tell your admin before you go on.</source>
        <translation>Provjera nije uspjela: zapisi slučaja su izmijenjeni, ispremještani ili ih je potpisao neko ko više nije u timu. Ne oslanjajte se na ove podatke; obavijestite administratora prije nego što nastavite.</translation>
    </message>
    <message>
        <source>Verification failed: data from the server does not decrypt or authenticate. It was damaged or changed on the server. Nothing of it is shown as genuine; tell your admin.</source>
        <translation>Provjera nije uspjela: podaci sa servera ne mogu se dešifrirati ni provjeriti. Oštećeni su ili izmijenjeni na serveru. Ništa od toga nije prikazano kao vjerodostojno; obavijestite administratora.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address, that tor is running (for an onion address) and your network, then try again.</source>
        <translation>Server nije dostupan. Provjerite adresu, radi li tor (za onion adresu) i svoju mrežu, pa pokušajte ponovo.</translation>
    </message>
    <message>
        <source>Not allowed: your key is not on the reviewer list, this case was not shared with you, or a file has unsafe permissions. Send your public key line to the admin, or ask a colleague to grant the case.</source>
        <translation>Nije dozvoljeno: vaš ključ nije na spisku članova tima, ovaj slučaj nije podijeljen s vama ili neka datoteka ima nesigurne dozvole. Pošaljite administratoru red sa svojim javnim ključem ili zamolite kolegu da podijeli slučaj s vama.</translation>
    </message>
    <message>
        <source>Not found: the case or file no longer exists, or the address is not the reviewer address of the server.</source>
        <translation>Nije pronađeno: slučaj ili datoteka više ne postoji ili adresa nije adresa servera za članove tima.</translation>
    </message>
    <message>
        <source>Something with this name already exists, or the server changed meanwhile. Choose another name or try again.</source>
        <translation>Nešto s ovim imenom već postoji ili se server u međuvremenu promijenio. Odaberite drugo ime ili pokušajte ponovo.</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full or it is busy: nothing was stored. Try again later; tell the operator if it lasts.</source>
        <translation>Disk servera je pun ili je server zauzet: ništa nije sačuvano. Pokušajte kasnije; ako to potraje, obavijestite operatera.</translation>
    </message>
    <message>
        <source>The server&apos;s limit for this case is reached (too many messages, keys or file chunks). Nothing more can be added to it.</source>
        <translation>Dostignuto je ograničenje servera za ovaj slučaj (previše poruka, ključeva ili dijelova datoteka). Ništa više se ne može dodati.</translation>
    </message>
    <message>
        <source>This setting or input cannot be used.</source>
        <translation>Ova postavka ili unos ne može se koristiti.</translation>
    </message>
    <message>
        <source>Stopped as you asked.</source>
        <translation>Zaustavljeno na vaš zahtjev.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Server je odbio zahtjev.</translation>
    </message>
    <message>
        <source>Details: </source>
        <translation>Detalji: </translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datoteka</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 datoteka</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Disk</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Traži u:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Nazad</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Idi nazad</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Naprijed</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Idi naprijed</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Nadređeni folder</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Idi u nadređeni folder</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Napravi novi folder</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Napravi novi folder</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Prikaz liste</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Prebaci na prikaz liste</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Detaljan prikaz</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Prebaci na detaljan prikaz</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Bočna traka</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Spisak mjesta i oznaka</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Datoteke</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Naziv datoteke:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Datoteke vrste:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Sve datoteke (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Folderi</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Otvori</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Sačuvaj</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Odaberi</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Preimenuj</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Obriši</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Prikaži &amp;skrivene datoteke</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Novi folder</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Novi folder</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Prikaži </translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 već postoji.
Želite li je zamijeniti?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Jeste li sigurni da želite obrisati &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; je zaštićeno od pisanja.
Želite li ga ipak obrisati?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Folder nije moguće obrisati.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Folder nije pronađen.
Provjerite je li naziv foldera tačan.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Datoteka nije pronađena.
Provjerite je li naziv datoteke tačan.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Otvori</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Pronađi folder</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Sačuvaj kao</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Naziv</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Veličina</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Vrsta</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Datum izmjene</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Računar</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Neispravan naziv datoteke</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;Naziv &quot;%1&quot; nije moguće koristiti.&lt;/b&gt;&lt;p&gt;Pokušajte s drugim nazivom, s manje znakova ili bez interpunkcijskih znakova.</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Poništi</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Po&amp;novi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Izreži</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiraj</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Zalijepi</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Obriši</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Odaberi sve</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Prikaži detalje...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Sakrij detalje...</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Status set to %1</source>
        <translation>Status je postavljen na %1</translation>
    </message>
    <message>
        <source>Labels: +%1 -%2</source>
        <translation>Oznake: +%1 −%2</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Dodjela je uklonjena</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Dodijeljeno: %1</translation>
    </message>
    <message>
        <source>(a message of a kind this version does not show: %1)</source>
        <translation>(poruka vrste koju ova verzija ne prikazuje: %1)</translation>
    </message>
    <message>
        <source>%1 cannot be read, so nothing was sent.</source>
        <translation>%1 se ne može pročitati, pa ništa nije poslano.</translation>
    </message>
    <message>
        <source>mat2 is not installed, so the metadata of %1 cannot be removed. Nothing was sent. Install mat2, or send the file without cleaning if you are sure it reveals nothing.</source>
        <translation>mat2 nije instaliran, pa se metapodaci iz %1 ne mogu ukloniti. Ništa nije poslano. Instalirajte mat2 ili pošaljite datoteku bez čišćenja ako ste sigurni da ništa ne otkriva.</translation>
    </message>
    <message>
        <source>mat2 could not remove the metadata of %1 (a format it does not know, or a damaged file). Nothing was sent. Send it without cleaning only if you are sure it reveals nothing.</source>
        <translation>mat2 nije uspio ukloniti metapodatke iz %1 (format koji ne poznaje ili oštećena datoteka). Ništa nije poslano. Pošaljite je bez čišćenja samo ako ste sigurni da ništa ne otkriva.</translation>
    </message>
    <message>
        <source>The cleaned copy of %1 could not be kept, so nothing was sent.</source>
        <translation>Očišćena kopija datoteke %1 nije se mogla sačuvati, pa ništa nije poslano.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Izvor</translation>
    </message>
    <message>
        <source>This message failed verification and is not shown:</source>
        <translation>Ova poruka nije prošla provjeru i nije prikazana:</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Prilog:</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Jezik</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Prati jezik sistema</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Greška</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 B)</translation>
    </message>
    <message>
        <source>Delete this case?</source>
        <translation>Obrisati ovaj slučaj?</translation>
    </message>
    <message>
        <source>The case, its conversation, notes and files are deleted from the server for every reviewer. This cannot be undone.</source>
        <translation>Slučaj, njegov razgovor, bilješke i datoteke brišu se sa servera za sve članove tima. Ovo se ne može poništiti.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Obriši trajno</translation>
    </message>
    <message>
        <source>Keep the case</source>
        <translation>Zadrži slučaj</translation>
    </message>
    <message>
        <source>Share all my cases</source>
        <translation>Podijeli sve moje slučajeve</translation>
    </message>
    <message>
        <source>Give this colleague access to every case you hold (for a colleague who just joined):</source>
        <translation>Dajte ovom kolegi pristup svim slučajevima koje imate (za kolegu koji se upravo pridružio):</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>U redu</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Sačuvaj</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Sačuvaj sve</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Otvori</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Da</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Da za &amp;sve</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Ne</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;e za sve</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Prekini</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Pokušaj ponovo</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Zanemari</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zatvori</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Otkaži</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Odbaci</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Pomoć</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Primijeni</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Resetuj</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Vrati zadane postavke</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>Pomjeri ovdje</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Lijeva ivica</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Vrh</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Desna ivica</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Dno</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>Stranica lijevo</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Stranica gore</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>Stranica desno</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Stranica dolje</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Pomjeri lijevo</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Pomjeri gore</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Pomjeri desno</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Pomjeri dolje</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Poništi</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Po&amp;novi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Izreži</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiraj</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Kopiraj adresu &amp;veze</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Zalijepi</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Obriši</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Odaberi sve</translation>
    </message>
</context>
<context>
    <name>ReportTerms</name>
    <message>
        <source>new</source>
        <translation>nov</translation>
    </message>
    <message>
        <source>triage</source>
        <translation>trijaža</translation>
    </message>
    <message>
        <source>investigating</source>
        <translation>u istrazi</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>provjeren</translation>
    </message>
    <message>
        <source>published</source>
        <translation>objavljen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>zatvoren</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Naslov</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Država</translation>
    </message>
    <message>
        <source>What kind of incident</source>
        <translation>Vrsta incidenta</translation>
    </message>
    <message>
        <source>When did it happen</source>
        <translation>Kada se to dogodilo</translation>
    </message>
    <message>
        <source>Who do you believe is responsible</source>
        <translation>Ko je po vašem mišljenju odgovoran</translation>
    </message>
    <message>
        <source>Albania</source>
        <translation>Albanija</translation>
    </message>
    <message>
        <source>Bosnia and Herzegovina</source>
        <translation>Bosna i Hercegovina</translation>
    </message>
    <message>
        <source>Kosovo</source>
        <translation>Kosovo</translation>
    </message>
    <message>
        <source>Montenegro</source>
        <translation>Crna Gora</translation>
    </message>
    <message>
        <source>North Macedonia</source>
        <translation>Sjeverna Makedonija</translation>
    </message>
    <message>
        <source>Serbia</source>
        <translation>Srbija</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Drugo</translation>
    </message>
    <message>
        <source>Spyware on a phone or computer</source>
        <translation>Špijunski softver na telefonu ili računaru</translation>
    </message>
    <message>
        <source>Interception of calls or messages</source>
        <translation>Presretanje poziva ili poruka</translation>
    </message>
    <message>
        <source>Physical surveillance (being followed or watched)</source>
        <translation>Fizički nadzor (praćenje, posmatranje)</translation>
    </message>
    <message>
        <source>Requests for data (to a company or provider)</source>
        <translation>Zahtjevi za podatke (kompaniji ili provajderu)</translation>
    </message>
    <message>
        <source>Website blocking</source>
        <translation>Blokiranje sajtova</translation>
    </message>
    <message>
        <source>Content taken down</source>
        <translation>Uklanjanje sadržaja</translation>
    </message>
    <message>
        <source>Internet shutdown</source>
        <translation>Gašenje interneta</translation>
    </message>
    <message>
        <source>SLAPP or legal threat</source>
        <translation>SLAPP tužba ili pravna prijetnja</translation>
    </message>
    <message>
        <source>Intimidation</source>
        <translation>Zastrašivanje</translation>
    </message>
    <message>
        <source>Disinformation campaign</source>
        <translation>Kampanja dezinformacija</translation>
    </message>
    <message>
        <source>State (government, police, services)</source>
        <translation>Država (vlada, policija, službe)</translation>
    </message>
    <message>
        <source>Non-state (a company, a group, a person)</source>
        <translation>Neko izvan države (firma, grupa, pojedinac)</translation>
    </message>
    <message>
        <source>I do not know</source>
        <translation>Ne znam</translation>
    </message>
    <message>
        <source>Other country</source>
        <translation>Druga država</translation>
    </message>
</context>
<context>
    <name>SetupCheckPage</name>
    <message>
        <source>&lt;h2&gt;Check my setup&lt;/h2&gt;&lt;p&gt;Every step between this computer and your cases, each with what to do when it fails. Your passphrase is needed to check that the roster lists your key.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Provjera postavki&lt;/h2&gt;&lt;p&gt;Svaki korak između ovog računara i vaših slučajeva, svaki s uputstvom šta uraditi ako ne uspije. Lozinka je potrebna da bi se provjerilo nalazi li se vaš ključ na spisku članova tima.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Passphrase for the check</source>
        <translation>Lozinka za provjeru</translation>
    </message>
    <message>
        <source>&amp;Run the checks</source>
        <translation>&amp;Pokreni provjere</translation>
    </message>
    <message>
        <source>Run the checks</source>
        <translation>Pokreni provjere</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Nazad</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Nazad</translation>
    </message>
    <message>
        <source>Results of the checks</source>
        <translation>Rezultati provjera</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Rezultat</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Provjera</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Pronađeno</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Šta uraditi</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lozinka:</translation>
    </message>
    <message>
        <source>Checking… (reaching an onion service can take a minute)</source>
        <translation>Provjera je u toku… (povezivanje s onion servisom može potrajati minutu)</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ u redu</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ nije uspjelo</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– preskočeno</translation>
    </message>
    <message>
        <source>Everything checked works.</source>
        <translation>Sve što je provjereno radi.</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed: see what to do in the last column.</source>
        <translation>
            <numerusform>%n provjera nije uspjela: u posljednjoj koloni pogledajte šta uraditi.</numerusform>
            <numerusform>%n provjere nisu uspjele: u posljednjoj koloni pogledajte šta uraditi.</numerusform>
            <numerusform>%n provjera nije uspjelo: u posljednjoj koloni pogledajte šta uraditi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>&lt;h2&gt;Welcome to Dojava Desk&lt;/h2&gt;&lt;p&gt;Tell the app where your reviewer key is and how to reach your organisation&apos;s Dojava server. Your admin gave you an onboarding file, or the address and the admin fingerprint.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Dobro došli u Dojava Desk&lt;/h2&gt;&lt;p&gt;Recite aplikaciji gdje je vaš ključ člana tima i kako doći do Dojava servera vaše organizacije. Administrator vam je dao datoteku za povezivanje ili adresu i otisak ključa administratora.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Datoteka s ključem</translation>
    </message>
    <message>
        <source>/home/you/dojava-reviewer.key</source>
        <translation>/home/ime/dojava-reviewer.key</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Odaberi…</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Odaberi datoteku s ključem</translation>
    </message>
    <message>
        <source>Your reviewer key file</source>
        <translation>Vaša datoteka s ključem člana tima</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresa servera</translation>
    </message>
    <message>
        <source>http://….onion, http://127.0.0.1:PORT or unix:/path</source>
        <translation>http://….onion, http://127.0.0.1:PORT ili unix:/putanja</translation>
    </message>
    <message>
        <source>Tor SOCKS port</source>
        <translation>Tor SOCKS port</translation>
    </message>
    <message>
        <source>127.0.0.1:9050 (for an onion address)</source>
        <translation>127.0.0.1:9050 (za onion adresu)</translation>
    </message>
    <message>
        <source>Admin fingerprint</source>
        <translation>Otisak ključa administratora</translation>
    </message>
    <message>
        <source>as your admin wrote it</source>
        <translation>onako kako ga je administrator zapisao</translation>
    </message>
    <message>
        <source>Open &amp;onboarding file…</source>
        <translation>Otvori datoteku za &amp;povezivanje…</translation>
    </message>
    <message>
        <source>Open the onboarding file from your admin</source>
        <translation>Otvori datoteku za povezivanje koju ste dobili od administratora</translation>
    </message>
    <message>
        <source>The onboarding file from your admin</source>
        <translation>Datoteka za povezivanje od vašeg administratora</translation>
    </message>
    <message>
        <source>Start my own &amp;tor (recommended: no tor setup needed)</source>
        <translation>Pokreni vlastiti &amp;tor (preporučeno, bez podešavanja)</translation>
    </message>
    <message>
        <source>Create my tor client &amp;key</source>
        <translation>Napravi moj klijentski &amp;ključ za tor</translation>
    </message>
    <message>
        <source>Create my tor client key</source>
        <translation>Napravi moj klijentski ključ za tor</translation>
    </message>
    <message>
        <source>Your tor client key, public part</source>
        <translation>Vaš klijentski ključ za tor, javni dio</translation>
    </message>
    <message>
        <source>The reviewer address is protected by tor client authorization: create your key here and send its public part, with your public key line, to your operator.</source>
        <translation>Adresa za članove tima zaštićena je klijentskom autorizacijom tora: ovdje napravite svoj ključ i pošaljite njegov javni dio, zajedno s redom svog javnog ključa, operateru.</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Datoteka s ključem:</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>Adresa &amp;servera:</translation>
    </message>
    <message>
        <source>&amp;Tor SOCKS port:</source>
        <translation>&amp;Tor SOCKS port:</translation>
    </message>
    <message>
        <source>Admin &amp;fingerprint:</source>
        <translation>Otisak ključa &amp;administratora:</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Nastavi</translation>
    </message>
    <message>
        <source>Save these settings and continue</source>
        <translation>Sačuvaj ove postavke i nastavi</translation>
    </message>
    <message>
        <source>Send this public line to your operator (read its first and last characters to them by phone). The private part is in %1, where the app&apos;s own tor uses it; with another tor, copy that file into the folder its ClientOnionAuthDir names.</source>
        <translation>Pošaljite ovaj javni red operateru (pročitajte mu telefonom njegove prve i posljednje znakove). Privatni dio je u %1, gdje ga koristi vlastiti tor aplikacije; s drugim torom kopirajte tu datoteku u folder koji navodi njegov ClientOnionAuthDir.</translation>
    </message>
    <message>
        <source>%1 is not an onboarding file from a Dojava admin: %2</source>
        <translation>%1 nije datoteka za povezivanje od administratora Dojave: %2</translation>
    </message>
    <message>
        <source>Onboarding file read.</source>
        <translation>Datoteka za povezivanje je pročitana.</translation>
    </message>
    <message>
        <source>Onboarding file of %1 read.</source>
        <translation>Datoteka za povezivanje za %1 je pročitana.</translation>
    </message>
    <message>
        <source>The server address and admin fingerprint are filled in; on first contact the app pins the admin key with this fingerprint and refuses any other.</source>
        <translation>Adresa servera i otisak ključa administratora su popunjeni; pri prvom kontaktu aplikacija pamti ključ administratora s ovim otiskom i odbija svaki drugi.</translation>
    </message>
    <message>
        <source>Fill in the key file, the server address and the admin fingerprint.</source>
        <translation>Popunite datoteku s ključem, adresu servera i otisak ključa administratora.</translation>
    </message>
    <message>
        <source>An onion address is reached through tor: give tor&apos;s SOCKS port (usually 127.0.0.1:9050, or 127.0.0.1:9150 with Tor Browser).</source>
        <translation>Do onion adrese stiže se preko tora: unesite SOCKS port tora (obično 127.0.0.1:9050, ili 127.0.0.1:9150 uz Tor Browser).</translation>
    </message>
    <message>
        <source>Create a &amp;new key…</source>
        <translation>Napravi &amp;novi ključ…</translation>
    </message>
    <message>
        <source>Create a new reviewer key</source>
        <translation>Napravi novi ključ člana tima</translation>
    </message>
    <message>
        <source>Your public key line</source>
        <translation>Red s vašim javnim ključem</translation>
    </message>
    <message>
        <source>Cop&amp;y the public line</source>
        <translation>Kop&amp;iraj javni red</translation>
    </message>
    <message>
        <source>Copy your public key line</source>
        <translation>Kopiraj red sa svojim javnim ključem</translation>
    </message>
    <message>
        <source>Copy &amp;both lines for the admin</source>
        <translation>Kopiraj &amp;oba reda za administratora</translation>
    </message>
    <message>
        <source>Copy your public key line and tor client key together</source>
        <translation>Kopiraj zajedno red s javnim ključem i klijentski ključ za tor</translation>
    </message>
    <message>
        <source>Your key is made and saved in %1 (only you can read it). Send the public line above to your admin, who adds you to the roster; it is also in %1.pub. It is not secret, but check it with your admin by phone: its first and last characters are enough.</source>
        <translation>Vaš ključ je napravljen i sačuvan u %1 (samo ga vi možete čitati). Pošaljite gornji javni red administratoru, koji vas dodaje na spisak članova tima; nalazi se i u %1.pub. Nije tajan, ali ga provjerite s administratorom telefonom: dovoljni su njegovi prvi i posljednji znakovi.</translation>
    </message>
    <message>
        <source>My Dojava reviewer public key line:</source>
        <translation>Moj red s javnim ključem člana tima (Dojava):</translation>
    </message>
    <message>
        <source>My tor client key (public part) for the reviewer address:</source>
        <translation>Moj klijentski ključ za tor (javni dio) za adresu za članove tima:</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>&lt;h2&gt;Unlock Dojava Desk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Otključajte Dojava Desk&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lozinka</translation>
    </message>
    <message>
        <source>the passphrase of your key file</source>
        <translation>lozinka vaše datoteke s ključem</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Otključaj</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Otključavanje</translation>
    </message>
    <message>
        <source>Change &amp;settings…</source>
        <translation>Promijeni &amp;postavke…</translation>
    </message>
    <message>
        <source>Change the server settings</source>
        <translation>Promijeni postavke servera</translation>
    </message>
    <message>
        <source>Check my &amp;setup…</source>
        <translation>Provjeri moje po&amp;stavke…</translation>
    </message>
    <message>
        <source>Check my setup</source>
        <translation>Provjeri moje postavke</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lozinka:</translation>
    </message>
    <message>
        <source>Server: %1
Your key stays on this computer; it is unlocked in memory only and locked again when you leave the app idle.</source>
        <translation>Server: %1
Vaš ključ ostaje na ovom računaru; otključan je samo u memoriji i ponovo se zaključava kada aplikaciju ostavite neaktivnu.</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Unesite lozinku.</translation>
    </message>
</context>
</TS>
