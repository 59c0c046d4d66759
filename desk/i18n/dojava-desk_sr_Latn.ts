<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sr_Latn">
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
        <translation>Otključavanje i provera servera…</translation>
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
        <translation>Dodaje se beleška…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Beleška</translation>
    </message>
    <message>
        <source>Note added (only your team sees it).</source>
        <translation>Beleška je dodata (vidi je samo vaš tim).</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changing the status…</source>
        <translation>Menja se status…</translation>
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
        <translation>Oznaka je dodata.</translation>
    </message>
    <message>
        <source>Assigning…</source>
        <translation>Dodeljivanje…</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Dodela</translation>
    </message>
    <message>
        <source>Unassigned.</source>
        <translation>Dodela je uklonjena.</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>Dodeljeno: %1.</translation>
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
        <translation>Nema privatne privremene fascikle za očišćene kopije.</translation>
    </message>
    <message>
        <source>Encrypting and sending %1…</source>
        <translation>Šifruje se i šalje %1…</translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation>Odgovor je poslat.</translation>
    </message>
    <message numerus="yes">
        <source>Reply sent with %n file(s).</source>
        <translation>
            <numerusform>Odgovor je poslat uz %n fajl.</numerusform>
            <numerusform>Odgovor je poslat uz %n fajla.</numerusform>
            <numerusform>Odgovor je poslat uz %n fajlova.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sharing the case…</source>
        <translation>Slučaj se deli…</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Deljenje</translation>
    </message>
    <message>
        <source>%1 already had access to this case.</source>
        <translation>%1 već ima pristup ovom slučaju.</translation>
    </message>
    <message>
        <source>%1 can now read this case.</source>
        <translation>%1 sada može da čita ovaj slučaj.</translation>
    </message>
    <message>
        <source>Sharing all your cases with %1…</source>
        <translation>Vaši slučajevi se dele sa članom tima %1…</translation>
    </message>
    <message>
        <source>Grant all</source>
        <translation>Deljenje svih slučajeva</translation>
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
        <translation>Provera nove aktivnosti</translation>
    </message>
    <message>
        <source>Checking your setup…</source>
        <translation>Proverava se vaše podešavanje…</translation>
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
        <translation>%1 već postoji. Aplikacija nikada ne prepisuje fajl sa ključem: izaberite drugo ime ili umesto toga otvorite taj ključ.</translation>
    </message>
    <message>
        <source>Sealing your case keys to your new encryption key…</source>
        <translation>Ključevi vaših slučajeva se zaključavaju vašim novim ključem za šifrovanje…</translation>
    </message>
    <message>
        <source>Your case keys could not be sealed to your new encryption key yet (the app tries again at the next unlock): %1</source>
        <translation>Ključevi vaših slučajeva još nisu mogli da se zaključaju vašim novim ključem za šifrovanje (aplikacija pokušava ponovo pri sledećem otključavanju): %1</translation>
    </message>
    <message numerus="yes">
        <source>Your new encryption key is on the roster: %n key(s) of your cases are now sealed to it.</source>
        <translation>
            <numerusform>Vaš novi ključ za šifrovanje je na spisku članova tima: %n ključ vaših slučajeva je sada zaključan njime.</numerusform>
            <numerusform>Vaš novi ključ za šifrovanje je na spisku članova tima: %n ključa vaših slučajeva su sada zaključana njime.</numerusform>
            <numerusform>Vaš novi ključ za šifrovanje je na spisku članova tima: %n ključeva vaših slučajeva je sada zaključano njime.</numerusform>
        </translation>
    </message>
    <message>
        <source>The old key file %1 is destroyed.</source>
        <translation>Stari fajl sa ključem %1 je uništen.</translation>
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
        <translation>Dodeljeno</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Poslednja aktivnost</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fajlovi</translation>
    </message>
    <message>
        <source>Search in the cases&apos; text</source>
        <translation>Pretraga teksta slučajeva</translation>
    </message>
    <message>
        <source>Search in the decrypted text (Ctrl+F)</source>
        <translation>Pretraga dešifrovanog teksta (Ctrl+F)</translation>
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
        <translation>Upozorenje o proveri</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Prijava</translation>
    </message>
    <message>
        <source>Conversation with the source</source>
        <translation>Razgovor sa izvorom</translation>
    </message>
    <message>
        <source>Internal notes, not seen by the source</source>
        <translation>Interne beleške, izvor ih ne vidi</translation>
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
        <translation>Interna beleška</translation>
    </message>
    <message>
        <source>Internal note (only your team sees this)</source>
        <translation>Interna beleška (vidi je samo vaš tim)</translation>
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
        <translation>Dodaj &amp;belešku</translation>
    </message>
    <message>
        <source>Add the internal note</source>
        <translation>Dodaj internu belešku</translation>
    </message>
    <message>
        <source>Internal notes — the source never sees these</source>
        <translation>Interne beleške — izvor ih nikada ne vidi</translation>
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
        <translation>Dodeljeno</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Dodeli</translation>
    </message>
    <message>
        <source>Assign the case</source>
        <translation>Dodeli slučaj</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Priloženi fajlovi</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Preuzmi…</translation>
    </message>
    <message>
        <source>Download the chosen attachment</source>
        <translation>Preuzmi izabrani fajl</translation>
    </message>
    <message>
        <source>Colleague to share the case with</source>
        <translation>Kolega sa kojim delite slučaj</translation>
    </message>
    <message>
        <source>&amp;Share with</source>
        <translation>&amp;Podeli sa</translation>
    </message>
    <message>
        <source>Share the case with the colleague</source>
        <translation>Podeli slučaj sa kolegom</translation>
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
        <translation>Fajlovi koji idu uz odgovor</translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation>Priloži &amp;fajl…</translation>
    </message>
    <message>
        <source>Attach a file to the reply</source>
        <translation>Priloži fajl uz odgovor</translation>
    </message>
    <message>
        <source>A file to send to the source</source>
        <translation>Fajl za slanje izvoru</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ukloni</translation>
    </message>
    <message>
        <source>Remove the chosen file</source>
        <translation>Ukloni izabrani fajl</translation>
    </message>
    <message>
        <source>Remove metadata with mat2 before sending</source>
        <translation>Ukloni metapodatke pomoću mat2 pre slanja</translation>
    </message>
    <message>
        <source>Warning about the attached files</source>
        <translation>Upozorenje o priloženim fajlovima</translation>
    </message>
    <message>
        <source>mat2 is not installed: these files are sent as they are, with their metadata (author, device, dates, and for photos often the place). Install mat2 to remove it.</source>
        <translation>mat2 nije instaliran: ovi fajlovi se šalju takvi kakvi jesu, sa metapodacima (autor, uređaj, datumi, a kod fotografija često i mesto). Instalirajte mat2 da biste ih uklonili.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 ne može da se pročita.</translation>
    </message>
    <message>
        <source>%1 holds location data (GPS): where the photo was taken. Keep &quot;Remove metadata&quot; on.</source>
        <translation>%1 sadrži podatke o lokaciji (GPS): gde je fotografija snimljena. Ostavite uključeno „Ukloni metapodatke“.</translation>
    </message>
    <message>
        <source>%1 holds location data (GPS): it shows where the photo was taken.  Do not send it like this.</source>
        <translation>%1 sadrži podatke o lokaciji (GPS): pokazuje gde je fotografija snimljena. Ne šaljite je ovakvu.</translation>
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
        <translation>nije dodeljeno</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>dodeljeno: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of this case failed verification: they were changed or damaged on the server and are not shown. </source>
        <translation>
            <numerusform>%n poruka ovog slučaja nije prošla proveru: izmenjena je ili oštećena na serveru i nije prikazana. </numerusform>
            <numerusform>%n poruke ovog slučaja nisu prošle proveru: izmenjene su ili oštećene na serveru i nisu prikazane. </numerusform>
            <numerusform>%n poruka ovog slučaja nije prošlo proveru: izmenjene su ili oštećene na serveru i nisu prikazane. </numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#777&apos;&gt;No notes yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Još nema beležaka.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No case open&lt;/h3&gt;Choose a case from the list.</source>
        <translation>&lt;h3&gt;Nijedan slučaj nije otvoren&lt;/h3&gt;Izaberite slučaj sa spiska.</translation>
    </message>
    <message>
        <source>%1. %2  (%3 bytes, %4)</source>
        <translation>%1. %2  (%3 B, %4)</translation>
    </message>
    <message>
        <source>Do not trust this case. Its first message (the source&apos;s report) or the order of its messages failed verification: someone with access to the server may have swapped the case&apos;s key and could read anything written here. Replies and notes are switched off for this case; tell your admin. </source>
        <translation>Ne verujte ovom slučaju. Njegova prva poruka (prijava izvora) ili redosled njegovih poruka nije prošao proveru: neko ko ima pristup serveru možda je zamenio ključ slučaja i mogao bi da pročita sve što se ovde napiše. Odgovori i beleške su isključeni za ovaj slučaj; obavestite administratora. </translation>
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
        <translation>Ključ izvora ovog slučaja koji daje server nije onaj iz potpisane prijave izvora. Neko ko ima pristup serveru možda ga je zamenio da bi pročitao ono što bi promena ključa slučaja poslala izvoru. Ne menjajte ključ ovog slučaja; obavestite administratora. Čitanje i odgovaranje su i dalje mogući: sam ključ slučaja nije doveden u pitanje.</translation>
    </message>
    <message>
        <source>Warning about the case&apos;s re-keys</source>
        <translation>Upozorenje o promenama ključa slučaja</translation>
    </message>
    <message>
        <source>A re-key of this case could not be read and was skipped (generation %1). Someone with access to the server, or with a colleague&apos;s key, may have stored a damaged one. </source>
        <translation>Jedna promena ključa ovog slučaja nije mogla da se pročita i preskočena je (generacija %1). Neko ko ima pristup serveru ili ključu kolege možda je sačuvao oštećenu. </translation>
    </message>
    <message>
        <source> Replies, notes and status changes are switched off for this case; reading stays possible.</source>
        <translation> Odgovori, beleške i promene statusa isključeni su za ovaj slučaj; čitanje je i dalje moguće.</translation>
    </message>
    <message>
        <source>It is ignored: replies and notes go on under the last case key that could be followed. Tell your admin if it happens again.</source>
        <translation>Zanemarena je: odgovori i beleške nastavljaju se pod poslednjim ključem slučaja koji je mogao da se prati. Obavestite administratora ako se to ponovi.</translation>
    </message>
    <message>
        <source>The server lists the re-keys of this case out of order. Someone with access to the server may be hiding or replaying one. Tell your admin.</source>
        <translation>Server navodi promene ključa ovog slučaja pogrešnim redosledom. Neko ko ima pristup serveru možda neku skriva ili ponavlja. Obavestite administratora.</translation>
    </message>
    <message>
        <source>A re-key of this case (generation %1) failed verification. Someone with access to the server, or with a colleague&apos;s key, may be trying to swap the case&apos;s key for one they can read. Later re-keys are not followed. Tell your admin.</source>
        <translation>Jedna promena ključa ovog slučaja (generacija %1) nije prošla proveru. Neko ko ima pristup serveru ili ključu kolege možda pokušava da zameni ključ slučaja onim koji može da pročita. Kasnije promene ključa se ne prate. Obavestite administratora.</translation>
    </message>
    <message>
        <source>This case was re-keyed (generation %1) and the new case key was not given to you. What you wrote now could not be read under the new key. Ask a colleague who holds it to share the case with you again.</source>
        <translation>Ključ ovog slučaja je promenjen (generacija %1) i novi ključ slučaja vam nije dat. Ono što biste sada napisali ne bi moglo da se pročita pod novim ključem. Zamolite kolegu koji ga ima da ponovo podeli slučaj s vama.</translation>
    </message>
    <message>
        <source>The new case key of a re-key of this case (generation %1), as given to you, failed verification. Someone with access to the server may have changed it. Tell your admin.</source>
        <translation>Novi ključ slučaja iz jedne promene ključa ovog slučaja (generacija %1), onakav kakav vam je dat, nije prošao proveru. Neko ko ima pristup serveru možda ga je izmenio. Obavestite administratora.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>week of arrival</source>
        <translation>nedelja prijema</translation>
    </message>
    <message>
        <source>day of arrival</source>
        <translation>dan prijema</translation>
    </message>
    <message>
        <source>month of arrival</source>
        <translation>mesec prijema</translation>
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
        <translation>Grafikon sa brojem slučajeva</translation>
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
        <translation>&amp;Osveži</translation>
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
        <translation>Podeli sve moje s&amp;lučajeve…</translation>
    </message>
    <message numerus="yes">
        <source>Shared %n case(s);</source>
        <translation>
            <numerusform>Podeljen je %n slučaj;</numerusform>
            <numerusform>Podeljena su %n slučaja;</numerusform>
            <numerusform>Podeljeno je %n slučajeva;</numerusform>
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
            <numerusform>Nisu vaši za deljenje: %n.</numerusform>
            <numerusform>Nisu vaši za deljenje: %n.</numerusform>
            <numerusform>Nisu vaši za deljenje: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not shared: %1</source>
        <translation>Nije podeljeno: %1</translation>
    </message>
    <message>
        <source>Case deleted.</source>
        <translation>Slučaj je obrisan.</translation>
    </message>
    <message>
        <source>Save the attachment in</source>
        <translation>Sačuvaj priloženi fajl u</translation>
    </message>
    <message numerus="yes">
        <source>tor could not connect to the tor network in %n second(s). Check your network; where tor is blocked, ask your operator about bridges.</source>
        <translation>
            <numerusform>tor nije uspeo da se poveže sa mrežom Tor za %n sekundu. Proverite svoju mrežu; gde je tor blokiran, pitajte operatera za mostove (bridges).</numerusform>
            <numerusform>tor nije uspeo da se poveže sa mrežom Tor za %n sekunde. Proverite svoju mrežu; gde je tor blokiran, pitajte operatera za mostove (bridges).</numerusform>
            <numerusform>tor nije uspeo da se poveže sa mrežom Tor za %n sekundi. Proverite svoju mrežu; gde je tor blokiran, pitajte operatera za mostove (bridges).</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the tor network… %1%</source>
        <translation>Povezivanje sa mrežom Tor… %1%</translation>
    </message>
    <message>
        <source>No private folder for tor&apos;s keys.</source>
        <translation>Nema privatne fascikle za ključeve tora.</translation>
    </message>
    <message>
        <source>Tor client key created.</source>
        <translation>Klijentski ključ za tor je napravljen.</translation>
    </message>
    <message>
        <source>&amp;Check my setup</source>
        <translation>&amp;Proveri moje podešavanje</translation>
    </message>
    <message>
        <source>Please wait: another operation is running.</source>
        <translation>Sačekajte: u toku je druga operacija.</translation>
    </message>
    <message>
        <source>Setup checked.</source>
        <translation>Podešavanje je provereno.</translation>
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
            <numerusform>Nije podeljeno sa vama: %n.</numerusform>
            <numerusform>Nije podeljeno sa vama: %n.</numerusform>
            <numerusform>Nije podeljeno sa vama: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Case opened.</source>
        <translation>Slučaj je otvoren.</translation>
    </message>
    <message>
        <source>Saved and verified: %1. Open it on a computer without network if you can.</source>
        <translation>Sačuvano i provereno: %1. Ako možete, otvorite ga na računaru bez pristupa mreži.</translation>
    </message>
    <message>
        <source>Careful: this image still says where it was taken (GPS location). Clean it with mat2 before you share it.</source>
        <translation>Pažnja: ova slika još pokazuje gde je snimljena (GPS lokacija). Očistite je pomoću mat2 pre nego što je podelite.</translation>
    </message>
    <message>
        <source>Please wait: another operation is running (or Cancel it).</source>
        <translation>Sačekajte: u toku je druga operacija (ili je otkažite).</translation>
    </message>
    <message>
        <source>Stopped as you asked.</source>
        <translation>Zaustavljeno na vaš zahtev.</translation>
    </message>
    <message>
        <source>New activity in Dojava</source>
        <translation>Nova aktivnost u Dojavi</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unread messages. Refresh (F5) to see them.</source>
        <translation>
            <numerusform>%n slučaj sa nepročitanim porukama. Osvežite (F5) da biste ih videli.</numerusform>
            <numerusform>%n slučaja sa nepročitanim porukama. Osvežite (F5) da biste ih videli.</numerusform>
            <numerusform>%n slučajeva sa nepročitanim porukama. Osvežite (F5) da biste ih videli.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unread messages.</source>
        <translation>
            <numerusform>%n slučaj sa nepročitanim porukama.</numerusform>
            <numerusform>%n slučaja sa nepročitanim porukama.</numerusform>
            <numerusform>%n slučajeva sa nepročitanim porukama.</numerusform>
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
        <translation>Vaš ključ člana tima ostaje na ovom računaru, u fajlu zaključanom lozinkom. Ako neko ikada kopira fajl, ključ štiti samo lozinka: koristite onu koju vam ovde predlažemo (zapišite je i čuvajte odvojeno od računara) ili svoju dugačku lozinku.</translation>
    </message>
    <message>
        <source>New key file</source>
        <translation>Novi fajl sa ključem</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Izaberi…</translation>
    </message>
    <message>
        <source>Choose where to save the new key file</source>
        <translation>Izaberite gde da se sačuva novi fajl sa ključem</translation>
    </message>
    <message>
        <source>Save the new key file as</source>
        <translation>Sačuvaj novi fajl sa ključem kao</translation>
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
        <translation>&amp;Fajl sa ključem:</translation>
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
        <translation>Navedite gde da se sačuva fajl sa ključem.</translation>
    </message>
    <message>
        <source>%1 already exists. The app never overwrites a key file: choose another name, or open that key instead.</source>
        <translation>%1 već postoji. Aplikacija nikada ne prepisuje fajl sa ključem: izaberite drugo ime ili umesto toga otvorite taj ključ.</translation>
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
            <numerusform>Ova lozinka je kraća od %n znaka. Ako neko ikada kopira fajl, vaš ključ štiti samo ona: koristite dužu ili predloženu lozinku.</numerusform>
            <numerusform>Ova lozinka je kraća od %n znaka. Ako neko ikada kopira fajl, vaš ključ štiti samo ona: koristite dužu ili predloženu lozinku.</numerusform>
            <numerusform>Ova lozinka je kraća od %n znakova. Ako neko ikada kopira fajl, vaš ključ štiti samo ona: koristite dužu ili predloženu lozinku.</numerusform>
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
        <translation>tor nije instaliran (apt install tor), pa aplikacija ne može da ga pokrene.</translation>
    </message>
    <message>
        <source>%1 cannot be created as a private folder.</source>
        <translation>%1 ne može da se napravi kao privatna fascikla.</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for tor.</source>
        <translation>Nema slobodnog porta na 127.0.0.1 za tor.</translation>
    </message>
    <message>
        <source>The extra tor settings file %1 cannot be used: it must be a file you can read and only you can change.</source>
        <translation>Fajl sa dodatnim podešavanjima za tor %1 ne može da se koristi: mora biti fajl koji možete da čitate i koji samo vi možete da menjate.</translation>
    </message>
    <message>
        <source>The extra tor settings file %1 cannot be used: it includes other files (%include), which the app cannot check. Put their lines in it instead.</source>
        <translation>Fajl sa dodatnim podešavanjima za tor %1 ne može da se koristi: uključuje druge fajlove (%include), koje aplikacija ne može da proveri. Umesto toga stavite njihove redove u njega.</translation>
    </message>
</context>
<context>
    <name>PlainError</name>
    <message>
        <source>The passphrase does not open this key file. Check the keyboard layout and Caps Lock and try again.</source>
        <translation>Lozinka ne otključava ovaj fajl sa ključem. Proverite raspored tastature i Caps Lock i pokušajte ponovo.</translation>
    </message>
    <message>
        <source>Verification failed: what the server sent is not signed by your organisation&apos;s admin key, or a case key changed since you last opened the case. The server may have been tampered with. Do not rely on this data; tell your admin before you go on.</source>
        <translation>Provera nije uspela: ono što je server poslao nije potpisano ključem administratora vaše organizacije, ili se ključ slučaja promenio otkako ste poslednji put otvorili slučaj. Moguće je da je neko neovlašćeno menjao server. Ne oslanjajte se na ove podatke; obavestite administratora pre nego što nastavite.</translation>
    </message>
    <message>
        <source>Verification failed: the server shows an older list of reviewers than this computer saw before. Someone may be replaying old data. Tell your admin.</source>
        <translation>Provera nije uspela: server prikazuje stariji spisak članova tima od onog koji je ovaj računar već video. Moguće je da neko ponovo podmeće stare podatke. Obavestite administratora.</translation>
    </message>
    <message>
        <source>Verification failed: the list of reviewers the server shows has expired or does not continue the one this computer saw before. Someone may be replaying old data. Tell your admin.</source>
        <translation>Provera nije uspela: spisak članova tima koji server prikazuje je istekao ili se ne nastavlja na onaj koji je ovaj računar već video. Moguće je da neko ponovo podmeće stare podatke. Obavestite administratora.</translation>
    </message>
    <message>
        <source>Verification failed: the case&apos;s records were changed, reordered or signed by someone no longer on the team. Do not rely on this data; tell your admin before you go on.</source>
        <translation>Provera nije uspela: zapisi slučaja su izmenjeni, ispremeštani ili ih je potpisao neko ko više nije u timu. Ne oslanjajte se na ove podatke; obavestite administratora pre nego što nastavite.</translation>
    </message>
    <message>
        <source>Verification failed: data from the server does not decrypt or authenticate. It was damaged or changed on the server. Nothing of it is shown as genuine; tell your admin.</source>
        <translation>Provera nije uspela: podaci sa servera ne mogu da se dešifruju ili provere. Oštećeni su ili izmenjeni na serveru. Ništa od toga nije prikazano kao verodostojno; obavestite administratora.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address, that tor is running (for an onion address) and your network, then try again.</source>
        <translation>Server nije dostupan. Proverite adresu, da li tor radi (za onion adresu) i svoju mrežu, pa pokušajte ponovo.</translation>
    </message>
    <message>
        <source>Not allowed: your key is not on the reviewer list, this case was not shared with you, or a file has unsafe permissions. Send your public key line to the admin, or ask a colleague to grant the case.</source>
        <translation>Nije dozvoljeno: vaš ključ nije na spisku članova tima, ovaj slučaj nije podeljen sa vama ili neki fajl ima nebezbedne dozvole. Pošaljite administratoru red sa svojim javnim ključem ili zamolite kolegu da podeli slučaj sa vama.</translation>
    </message>
    <message>
        <source>Not found: the case or file no longer exists, or the address is not the reviewer address of the server.</source>
        <translation>Nije pronađeno: slučaj ili fajl više ne postoji, ili adresa nije adresa servera za članove tima.</translation>
    </message>
    <message>
        <source>Something with this name already exists, or the server changed meanwhile. Choose another name or try again.</source>
        <translation>Nešto sa ovim imenom već postoji ili se server u međuvremenu promenio. Izaberite drugo ime ili pokušajte ponovo.</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full or it is busy: nothing was stored. Try again later; tell the operator if it lasts.</source>
        <translation>Disk servera je pun ili je server zauzet: ništa nije sačuvano. Pokušajte kasnije; ako to potraje, obavestite operatera.</translation>
    </message>
    <message>
        <source>The server&apos;s limit for this case is reached (too many messages, keys or file chunks). Nothing more can be added to it.</source>
        <translation>Dostignuto je ograničenje servera za ovaj slučaj (previše poruka, ključeva ili delova fajlova). Ništa više ne može da se doda.</translation>
    </message>
    <message>
        <source>This setting or input cannot be used.</source>
        <translation>Ovo podešavanje ili unos ne može da se koristi.</translation>
    </message>
    <message>
        <source>Stopped as you asked.</source>
        <translation>Zaustavljeno na vaš zahtev.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Server je odbio zahtev.</translation>
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
        <translation>Fascikla</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fajl</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 fajl</translation>
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
        <translation>Napred</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Idi napred</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Nadređena fascikla</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Idi u nadređenu fasciklu</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Napravi novu fasciklu</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Napravi novu fasciklu</translation>
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
        <translation>Spisak mesta i obeleživača</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fajlovi</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Ime fajla:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Fascikla:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Fajlovi tipa:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Svi fajlovi (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Fascikle</translation>
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
        <translation>&amp;Izaberi</translation>
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
        <translation>Prikaži &amp;skrivene fajlove</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Nova fascikla</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Nova fascikla</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Prikaži </translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 već postoji.
Da li želite da ga zamenite?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Da li sigurno želite da obrišete &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; je zaštićen od pisanja.
Da li ipak želite da ga obrišete?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Fascikla nije mogla da se obriše.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Fascikla nije pronađena.
Proverite da li je ime fascikle tačno.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Fajl nije pronađen.
Proverite da li je ime fajla tačno.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Otvori</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Pronađi fasciklu</translation>
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
        <translation>Ime</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Veličina</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Datum izmene</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Računar</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Neispravno ime fajla</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;Ime &quot;%1&quot; ne može da se koristi.&lt;/b&gt;&lt;p&gt;Pokušajte s drugim imenom, sa manje znakova ili bez interpunkcije.</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Opozovi</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ponovi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Ise&amp;ci</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiraj</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Nalepi</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Obriši</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Izaberi sve</translation>
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
        <translation>Dodela je uklonjena</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Dodeljeno: %1</translation>
    </message>
    <message>
        <source>(a message of a kind this version does not show: %1)</source>
        <translation>(poruka vrste koju ova verzija ne prikazuje: %1)</translation>
    </message>
    <message>
        <source>%1 cannot be read, so nothing was sent.</source>
        <translation>%1 ne može da se pročita, pa ništa nije poslato.</translation>
    </message>
    <message>
        <source>mat2 is not installed, so the metadata of %1 cannot be removed. Nothing was sent. Install mat2, or send the file without cleaning if you are sure it reveals nothing.</source>
        <translation>mat2 nije instaliran, pa metapodaci iz %1 ne mogu da se uklone. Ništa nije poslato. Instalirajte mat2 ili pošaljite fajl bez čišćenja ako ste sigurni da ništa ne otkriva.</translation>
    </message>
    <message>
        <source>mat2 could not remove the metadata of %1 (a format it does not know, or a damaged file). Nothing was sent. Send it without cleaning only if you are sure it reveals nothing.</source>
        <translation>mat2 nije uspeo da ukloni metapodatke iz %1 (format koji ne poznaje ili oštećen fajl). Ništa nije poslato. Pošaljite ga bez čišćenja samo ako ste sigurni da ništa ne otkriva.</translation>
    </message>
    <message>
        <source>The cleaned copy of %1 could not be kept, so nothing was sent.</source>
        <translation>Očišćena kopija fajla %1 nije mogla da se sačuva, pa ništa nije poslato.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Izvor</translation>
    </message>
    <message>
        <source>This message failed verification and is not shown:</source>
        <translation>Ova poruka nije prošla proveru i nije prikazana:</translation>
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
        <translation>Slučaj, njegov razgovor, beleške i fajlovi brišu se sa servera za sve članove tima. Ovo ne može da se poništi.</translation>
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
        <translation>Podeli sve moje slučajeve</translation>
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
        <translation>Primeni</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Resetuj</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Vrati podrazumevano</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>Pomeri ovde</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Leva ivica</translation>
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
        <translation>Stranica levo</translation>
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
        <translation>Stranica dole</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Pomeri levo</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Pomeri gore</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Pomeri desno</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Pomeri dole</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Opozovi</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ponovi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Ise&amp;ci</translation>
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
        <translation>&amp;Nalepi</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Obriši</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Izaberi sve</translation>
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
        <translation>proveren</translation>
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
        <translation>Severna Makedonija</translation>
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
        <translation>Zahtevi za podatke (kompaniji ili provajderu)</translation>
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
        <translation>SLAPP tužba ili pravna pretnja</translation>
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
        <translation>Neko van države (firma, grupa, pojedinac)</translation>
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
        <translation>&lt;h2&gt;Provera podešavanja&lt;/h2&gt;&lt;p&gt;Svaki korak između ovog računara i vaših slučajeva, svaki sa uputstvom šta da radite ako ne uspe. Lozinka je potrebna da bi se proverilo da li se vaš ključ nalazi na spisku članova tima.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Passphrase for the check</source>
        <translation>Lozinka za proveru</translation>
    </message>
    <message>
        <source>&amp;Run the checks</source>
        <translation>&amp;Pokreni provere</translation>
    </message>
    <message>
        <source>Run the checks</source>
        <translation>Pokreni provere</translation>
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
        <translation>Rezultati provera</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Rezultat</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Provera</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Pronađeno</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Šta da radite</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lozinka:</translation>
    </message>
    <message>
        <source>Checking… (reaching an onion service can take a minute)</source>
        <translation>Provera je u toku… (povezivanje sa onion servisom može da potraje minut)</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ u redu</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ nije uspelo</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– preskočeno</translation>
    </message>
    <message>
        <source>Everything checked works.</source>
        <translation>Sve što je provereno radi.</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed: see what to do in the last column.</source>
        <translation>
            <numerusform>%n provera nije uspela: pogledajte šta da radite u poslednjoj koloni.</numerusform>
            <numerusform>%n provere nisu uspele: pogledajte šta da radite u poslednjoj koloni.</numerusform>
            <numerusform>%n provera nije uspelo: pogledajte šta da radite u poslednjoj koloni.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>&lt;h2&gt;Welcome to Dojava Desk&lt;/h2&gt;&lt;p&gt;Tell the app where your reviewer key is and how to reach your organisation&apos;s Dojava server. Your admin gave you an onboarding file, or the address and the admin fingerprint.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Dobro došli u Dojava Desk&lt;/h2&gt;&lt;p&gt;Recite aplikaciji gde je vaš ključ člana tima i kako da dođe do Dojava servera vaše organizacije. Administrator vam je dao fajl za povezivanje ili adresu i otisak ključa administratora.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Fajl sa ključem</translation>
    </message>
    <message>
        <source>/home/you/dojava-reviewer.key</source>
        <translation>/home/ime/dojava-reviewer.key</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Izaberi…</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Izaberi fajl sa ključem</translation>
    </message>
    <message>
        <source>Your reviewer key file</source>
        <translation>Vaš fajl sa ključem člana tima</translation>
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
        <translation>Otvori fajl za &amp;povezivanje…</translation>
    </message>
    <message>
        <source>Open the onboarding file from your admin</source>
        <translation>Otvori fajl za povezivanje koji ste dobili od administratora</translation>
    </message>
    <message>
        <source>The onboarding file from your admin</source>
        <translation>Fajl za povezivanje od vašeg administratora</translation>
    </message>
    <message>
        <source>Start my own &amp;tor (recommended: no tor setup needed)</source>
        <translation>Pokreni sopstveni &amp;tor (preporučeno, bez podešavanja)</translation>
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
        <translation>Vaš klijentski ključ za tor, javni deo</translation>
    </message>
    <message>
        <source>The reviewer address is protected by tor client authorization: create your key here and send its public part, with your public key line, to your operator.</source>
        <translation>Adresa za članove tima zaštićena je klijentskom autorizacijom tora: ovde napravite svoj ključ i pošaljite njegov javni deo, zajedno sa redom svog javnog ključa, operateru.</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Fajl sa ključem:</translation>
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
        <translation>Sačuvaj ova podešavanja i nastavi</translation>
    </message>
    <message>
        <source>Send this public line to your operator (read its first and last characters to them by phone). The private part is in %1, where the app&apos;s own tor uses it; with another tor, copy that file into the folder its ClientOnionAuthDir names.</source>
        <translation>Pošaljite ovaj javni red operateru (pročitajte mu telefonom njegove prve i poslednje znakove). Privatni deo je u %1, gde ga koristi sopstveni tor aplikacije; sa drugim torom kopirajte taj fajl u fasciklu koju navodi njegov ClientOnionAuthDir.</translation>
    </message>
    <message>
        <source>%1 is not an onboarding file from a Dojava admin: %2</source>
        <translation>%1 nije fajl za povezivanje od administratora Dojave: %2</translation>
    </message>
    <message>
        <source>Onboarding file read.</source>
        <translation>Fajl za povezivanje je pročitan.</translation>
    </message>
    <message>
        <source>Onboarding file of %1 read.</source>
        <translation>Fajl za povezivanje za %1 je pročitan.</translation>
    </message>
    <message>
        <source>The server address and admin fingerprint are filled in; on first contact the app pins the admin key with this fingerprint and refuses any other.</source>
        <translation>Adresa servera i otisak ključa administratora su popunjeni; pri prvom kontaktu aplikacija pamti ključ administratora sa ovim otiskom i odbija svaki drugi.</translation>
    </message>
    <message>
        <source>Fill in the key file, the server address and the admin fingerprint.</source>
        <translation>Popunite fajl sa ključem, adresu servera i otisak ključa administratora.</translation>
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
        <translation>Red sa vašim javnim ključem</translation>
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
        <translation>Kopiraj zajedno red sa javnim ključem i klijentski ključ za tor</translation>
    </message>
    <message>
        <source>Your key is made and saved in %1 (only you can read it). Send the public line above to your admin, who adds you to the roster; it is also in %1.pub. It is not secret, but check it with your admin by phone: its first and last characters are enough.</source>
        <translation>Vaš ključ je napravljen i sačuvan u %1 (samo vi možete da ga čitate). Pošaljite gornji javni red administratoru, koji vas dodaje na spisak članova tima; nalazi se i u %1.pub. Nije tajan, ali ga proverite sa administratorom telefonom: dovoljni su njegovi prvi i poslednji znakovi.</translation>
    </message>
    <message>
        <source>My Dojava reviewer public key line:</source>
        <translation>Moj red sa javnim ključem člana tima (Dojava):</translation>
    </message>
    <message>
        <source>My tor client key (public part) for the reviewer address:</source>
        <translation>Moj klijentski ključ za tor (javni deo) za adresu za članove tima:</translation>
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
        <translation>lozinka vašeg fajla sa ključem</translation>
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
        <translation>Promeni &amp;podešavanja…</translation>
    </message>
    <message>
        <source>Change the server settings</source>
        <translation>Promeni podešavanja servera</translation>
    </message>
    <message>
        <source>Check my &amp;setup…</source>
        <translation>Proveri moje po&amp;dešavanje…</translation>
    </message>
    <message>
        <source>Check my setup</source>
        <translation>Proveri moje podešavanje</translation>
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
