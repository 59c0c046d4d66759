<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sq">
<context>
    <name>Backend</name>
    <message>
        <source>Locked</source>
        <translation>E kyçur</translation>
    </message>
    <message>
        <source>Dojava Desk is locked. Unlock it with your passphrase.</source>
        <translation>Dojava Desk është i kyçur. Shkyçeni me fjalëkalimin tuaj.</translation>
    </message>
    <message>
        <source>Unlocking and checking the server…</source>
        <translation>Po shkyçet dhe po kontrollohet serveri…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Shkyçja</translation>
    </message>
    <message>
        <source>Opening your cases…</source>
        <translation>Po hapen rastet tuaja…</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>Lista e rasteve</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Hapja e rastit</translation>
    </message>
    <message>
        <source>Opening the case…</source>
        <translation>Po hapet rasti…</translation>
    </message>
    <message>
        <source>Adding the note…</source>
        <translation>Po shtohet shënimi…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Shënim</translation>
    </message>
    <message>
        <source>Note added (only your team sees it).</source>
        <translation>Shënimi u shtua (e sheh vetëm ekipi juaj).</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statusi</translation>
    </message>
    <message>
        <source>Changing the status…</source>
        <translation>Po ndryshohet statusi…</translation>
    </message>
    <message>
        <source>Status set to %1.</source>
        <translation>Statusi u vendos: %1.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiketa</translation>
    </message>
    <message>
        <source>Adding the label…</source>
        <translation>Po shtohet etiketa…</translation>
    </message>
    <message>
        <source>Label added.</source>
        <translation>Etiketa u shtua.</translation>
    </message>
    <message>
        <source>Assigning…</source>
        <translation>Po caktohet…</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Caktimi</translation>
    </message>
    <message>
        <source>Unassigned.</source>
        <translation>Caktimi u hoq.</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>U caktua për: %1.</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Po shkarkohet…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Shkarkimi</translation>
    </message>
    <message>
        <source>Sending the reply…</source>
        <translation>Po dërgohet përgjigjja…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Përgjigjja</translation>
    </message>
    <message>
        <source>No private temporary folder for the cleaned copies.</source>
        <translation>Nuk ka direktori private të përkohshme për kopjet e pastruara.</translation>
    </message>
    <message>
        <source>Encrypting and sending %1…</source>
        <translation>Po enkriptohet dhe po dërgohet %1…</translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation>Përgjigjja u dërgua.</translation>
    </message>
    <message numerus="yes">
        <source>Reply sent with %n file(s).</source>
        <translation>
            <numerusform>Përgjigjja u dërgua me %n skedar.</numerusform>
            <numerusform>Përgjigjja u dërgua me %n skedarë.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sharing the case…</source>
        <translation>Po ndahet rasti…</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Ndarja</translation>
    </message>
    <message>
        <source>%1 already had access to this case.</source>
        <translation>%1 ka tashmë qasje në këtë rast.</translation>
    </message>
    <message>
        <source>%1 can now read this case.</source>
        <translation>%1 tani mund ta lexojë këtë rast.</translation>
    </message>
    <message>
        <source>Sharing all your cases with %1…</source>
        <translation>Po ndahen të gjitha rastet tuaja me anëtarin e ekipit %1…</translation>
    </message>
    <message>
        <source>Grant all</source>
        <translation>Ndarja e të gjitha rasteve</translation>
    </message>
    <message>
        <source>Deleting the case…</source>
        <translation>Po fshihet rasti…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Fshirja</translation>
    </message>
    <message>
        <source>Checking for new activity</source>
        <translation>Po kontrollohet për aktivitet të ri</translation>
    </message>
    <message>
        <source>Checking your setup…</source>
        <translation>Po kontrollohet konfigurimi juaj…</translation>
    </message>
    <message>
        <source>Creating your tor client key…</source>
        <translation>Po krijohet çelësi juaj i klientit tor…</translation>
    </message>
    <message>
        <source>Tor client key</source>
        <translation>Çelësi i klientit tor</translation>
    </message>
    <message>
        <source>No key was made: %1</source>
        <translation>Nuk u krijua asnjë çelës: %1</translation>
    </message>
    <message>
        <source>Creating your reviewer key (this takes a few seconds)…</source>
        <translation>Po krijohet çelësi juaj si anëtar i ekipit (zgjat disa sekonda)…</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Çelës i ri</translation>
    </message>
    <message>
        <source>%1 already exists. The app never overwrites a key file: choose another name, or open that key instead.</source>
        <translation>%1 ekziston tashmë. Aplikacioni nuk e mbishkruan kurrë një skedar çelësi: zgjidhni një emër tjetër ose hapni atë çelës.</translation>
    </message>
    <message>
        <source>Sealing your case keys to your new encryption key…</source>
        <translation>Çelësat e rasteve tuaja po mbyllen me çelësin tuaj të ri të enkriptimit…</translation>
    </message>
    <message>
        <source>Your case keys could not be sealed to your new encryption key yet (the app tries again at the next unlock): %1</source>
        <translation>Çelësat e rasteve tuaja ende nuk u mbyllën dot me çelësin tuaj të ri të enkriptimit (aplikacioni provon përsëri në zhbllokimin e ardhshëm): %1</translation>
    </message>
    <message numerus="yes">
        <source>Your new encryption key is on the roster: %n key(s) of your cases are now sealed to it.</source>
        <translation>
            <numerusform>Çelësi juaj i ri i enkriptimit është në listën e anëtarëve të ekipit: %n çelës i rasteve tuaja tani është mbyllur me të.</numerusform>
            <numerusform>Çelësi juaj i ri i enkriptimit është në listën e anëtarëve të ekipit: %n çelësa të rasteve tuaja tani janë mbyllur me të.</numerusform>
        </translation>
    </message>
    <message>
        <source>The old key file %1 is destroyed.</source>
        <translation>Skedari i vjetër i çelësit %1 u shkatërrua.</translation>
    </message>
    <message>
        <source>Not sealed again yet (the old key is kept until they are): %1</source>
        <translation>Ende të pambyllura përsëri (çelësi i vjetër ruhet derisa të mbyllen): %1</translation>
    </message>
    <message>
        <source>Logging in again…</source>
        <translation>Po identifikoheni përsëri…</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>New</source>
        <translation>I ri</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titulli</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Vendi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Lloji</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statusi</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiketat</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Caktuar për</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Aktiviteti i fundit</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Skedarët</translation>
    </message>
    <message>
        <source>Search in the cases&apos; text</source>
        <translation>Kërko në tekstin e rasteve</translation>
    </message>
    <message>
        <source>Search in the decrypted text (Ctrl+F)</source>
        <translation>Kërko në tekstin e dekriptuar (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show cases with status</source>
        <translation>Shfaq rastet me statusin</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Të gjitha statuset</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Rastet</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Kërko:</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>i palexuar</translation>
    </message>
    <message>
        <source>read</source>
        <translation>i lexuar</translation>
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
        <translation>Paralajmërim verifikimi</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Raporti</translation>
    </message>
    <message>
        <source>Conversation with the source</source>
        <translation>Biseda me burimin</translation>
    </message>
    <message>
        <source>Internal notes, not seen by the source</source>
        <translation>Shënime të brendshme, burimi nuk i sheh</translation>
    </message>
    <message>
        <source>Reply to the source</source>
        <translation>Përgjigju burimit</translation>
    </message>
    <message>
        <source>Reply to the source (the source will read this)</source>
        <translation>Përgjigju burimit (burimi do ta lexojë këtë)</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Shënim i brendshëm</translation>
    </message>
    <message>
        <source>Internal note (only your team sees this)</source>
        <translation>Shënim i brendshëm (e sheh vetëm ekipi juaj)</translation>
    </message>
    <message>
        <source>Send &amp;reply</source>
        <translation>Dërgo &amp;përgjigjen</translation>
    </message>
    <message>
        <source>Send the reply to the source</source>
        <translation>Dërgoja përgjigjen burimit</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Shto &amp;shënim</translation>
    </message>
    <message>
        <source>Add the internal note</source>
        <translation>Shto shënimin e brendshëm</translation>
    </message>
    <message>
        <source>Internal notes — the source never sees these</source>
        <translation>Shënime të brendshme — burimi nuk i sheh kurrë</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Rasti</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statusi</translation>
    </message>
    <message>
        <source>Set s&amp;tatus</source>
        <translation>Vendos s&amp;tatusin</translation>
    </message>
    <message>
        <source>Set the status</source>
        <translation>Vendos statusin</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Etiketë e re</translation>
    </message>
    <message>
        <source>label</source>
        <translation>etiketë</translation>
    </message>
    <message>
        <source>Add &amp;label</source>
        <translation>Shto &amp;etiketë</translation>
    </message>
    <message>
        <source>Add the label</source>
        <translation>Shto etiketën</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Caktuar për</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Cakto</translation>
    </message>
    <message>
        <source>Assign the case</source>
        <translation>Cakto rastin</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Skedarë të bashkëngjitur</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Shkarko…</translation>
    </message>
    <message>
        <source>Download the chosen attachment</source>
        <translation>Shkarko skedarin e zgjedhur</translation>
    </message>
    <message>
        <source>Colleague to share the case with</source>
        <translation>Kolegu me të cilin ndani rastin</translation>
    </message>
    <message>
        <source>&amp;Share with</source>
        <translation>&amp;Ndaje me</translation>
    </message>
    <message>
        <source>Share the case with the colleague</source>
        <translation>Ndaje rastin me kolegun</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>Fshi rastin…</translation>
    </message>
    <message>
        <source>Delete the case for good</source>
        <translation>Fshi rastin përgjithmonë</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>askush</translation>
    </message>
    <message>
        <source>me (%1)</source>
        <translation>unë (%1)</translation>
    </message>
    <message>
        <source>Files to send with the reply</source>
        <translation>Skedarët që dërgohen me përgjigjen</translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation>Bashkëngjit &amp;skedar…</translation>
    </message>
    <message>
        <source>Attach a file to the reply</source>
        <translation>Bashkëngjit një skedar te përgjigjja</translation>
    </message>
    <message>
        <source>A file to send to the source</source>
        <translation>Skedar për t&apos;ia dërguar burimit</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hiq</translation>
    </message>
    <message>
        <source>Remove the chosen file</source>
        <translation>Hiq skedarin e zgjedhur</translation>
    </message>
    <message>
        <source>Remove metadata with mat2 before sending</source>
        <translation>Hiq meta të dhënat me mat2 para dërgimit</translation>
    </message>
    <message>
        <source>Warning about the attached files</source>
        <translation>Paralajmërim për skedarët e bashkëngjitur</translation>
    </message>
    <message>
        <source>mat2 is not installed: these files are sent as they are, with their metadata (author, device, dates, and for photos often the place). Install mat2 to remove it.</source>
        <translation>mat2 nuk është i instaluar: këta skedarë dërgohen ashtu siç janë, me meta të dhënat e tyre (autori, pajisja, datat dhe te fotot shpesh vendndodhja). Instaloni mat2 për t&apos;i hequr.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 nuk mund të lexohet.</translation>
    </message>
    <message>
        <source>%1 holds location data (GPS): where the photo was taken. Keep &quot;Remove metadata&quot; on.</source>
        <translation>%1 përmban të dhëna vendndodhjeje (GPS): ku është bërë fotoja. Mbajeni të aktivizuar „Hiq meta të dhënat“.</translation>
    </message>
    <message>
        <source>%1 holds location data (GPS): it shows where the photo was taken.  Do not send it like this.</source>
        <translation>%1 përmban të dhëna vendndodhjeje (GPS): tregon ku është bërë fotoja. Mos e dërgoni kështu.</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>statusi: %1</translation>
    </message>
    <message>
        <source>no labels</source>
        <translation>pa etiketa</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>i pacaktuar</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>caktuar për: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of this case failed verification: they were changed or damaged on the server and are not shown. </source>
        <translation>
            <numerusform>%n mesazh i këtij rasti nuk kaloi verifikimin: është ndryshuar ose dëmtuar në server dhe nuk shfaqet. </numerusform>
            <numerusform>%n mesazhe të këtij rasti nuk kaluan verifikimin: janë ndryshuar ose dëmtuar në server dhe nuk shfaqen. </numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#777&apos;&gt;No notes yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Ende nuk ka shënime.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No case open&lt;/h3&gt;Choose a case from the list.</source>
        <translation>&lt;h3&gt;Asnjë rast i hapur&lt;/h3&gt;Zgjidhni një rast nga lista.</translation>
    </message>
    <message>
        <source>%1. %2  (%3 bytes, %4)</source>
        <translation>%1. %2  (%3 bajtë, %4)</translation>
    </message>
    <message>
        <source>Do not trust this case. Its first message (the source&apos;s report) or the order of its messages failed verification: someone with access to the server may have swapped the case&apos;s key and could read anything written here. Replies and notes are switched off for this case; tell your admin. </source>
        <translation>Mos i besoni këtij rasti. Mesazhi i tij i parë (raporti i burimit) ose radha e mesazheve të tij nuk kaloi verifikimin: dikush me qasje në server mund ta ketë zëvendësuar çelësin e rastit dhe mund të lexojë gjithçka që shkruhet këtu. Përgjigjet dhe shënimet janë çaktivizuar për këtë rast; njoftoni administratorin. </translation>
    </message>
    <message>
        <source>%1. %2  (%3 bytes)</source>
        <translation>%1. %2  (%3 bajtë)</translation>
    </message>
    <message>
        <source>Warning about the source&apos;s key</source>
        <translation>Paralajmërim për çelësin e burimit</translation>
    </message>
    <message>
        <source>The server&apos;s key for the source of this case is not the one in the source&apos;s signed report. Someone with access to the server may have swapped it, to read what a re-key would send the source. Do not re-key this case; tell your admin. Reading and replying stay possible: the case&apos;s own key is not in question.</source>
        <translation>Çelësi që serveri jep për burimin e këtij rasti nuk është ai që gjendet në raportin e nënshkruar të burimit. Dikush me qasje në server mund ta ketë zëvendësuar, për të lexuar atë që një ndërrim i çelësit të rastit do t&apos;i dërgonte burimit. Mos ia ndërroni çelësin këtij rasti; njoftoni administratorin. Leximi dhe përgjigjja mbeten të mundshme: vetë çelësi i rastit nuk vihet në dyshim.</translation>
    </message>
    <message>
        <source>Warning about the case&apos;s re-keys</source>
        <translation>Paralajmërim për ndërrimet e çelësit të rastit</translation>
    </message>
    <message>
        <source>A re-key of this case could not be read and was skipped (generation %1). Someone with access to the server, or with a colleague&apos;s key, may have stored a damaged one. </source>
        <translation>Një ndërrim i çelësit të këtij rasti nuk u lexua dot dhe u anashkalua (brezi %1). Dikush me qasje në server, ose në çelësin e një kolegu, mund të ketë ruajtur një të dëmtuar. </translation>
    </message>
    <message>
        <source> Replies, notes and status changes are switched off for this case; reading stays possible.</source>
        <translation> Përgjigjet, shënimet dhe ndryshimet e statusit janë çaktivizuar për këtë rast; leximi mbetet i mundshëm.</translation>
    </message>
    <message>
        <source>It is ignored: replies and notes go on under the last case key that could be followed. Tell your admin if it happens again.</source>
        <translation>Ai nuk merret parasysh: përgjigjet dhe shënimet vazhdojnë me çelësin e fundit të rastit që u ndoq dot. Njoftoni administratorin nëse ndodh sërish.</translation>
    </message>
    <message>
        <source>The server lists the re-keys of this case out of order. Someone with access to the server may be hiding or replaying one. Tell your admin.</source>
        <translation>Serveri i liston ndërrimet e çelësit të këtij rasti në rend të gabuar. Dikush me qasje në server mund të jetë duke fshehur ose përsëritur një prej tyre. Njoftoni administratorin.</translation>
    </message>
    <message>
        <source>A re-key of this case (generation %1) failed verification. Someone with access to the server, or with a colleague&apos;s key, may be trying to swap the case&apos;s key for one they can read. Later re-keys are not followed. Tell your admin.</source>
        <translation>Një ndërrim i çelësit të këtij rasti (brezi %1) nuk e kaloi verifikimin. Dikush me qasje në server, ose në çelësin e një kolegu, mund të jetë duke u përpjekur ta zëvendësojë çelësin e rastit me një që mund ta lexojë. Ndërrimet e mëvonshme të çelësit nuk ndiqen. Njoftoni administratorin.</translation>
    </message>
    <message>
        <source>This case was re-keyed (generation %1) and the new case key was not given to you. What you wrote now could not be read under the new key. Ask a colleague who holds it to share the case with you again.</source>
        <translation>Çelësi i këtij rasti u ndërrua (brezi %1) dhe çelësi i ri i rastit nuk ju është dhënë juve. Ajo që do të shkruanit tani nuk do të lexohej dot me çelësin e ri. Kërkojini një kolegu që e ka ta ndajë sërish rastin me ju.</translation>
    </message>
    <message>
        <source>The new case key of a re-key of this case (generation %1), as given to you, failed verification. Someone with access to the server may have changed it. Tell your admin.</source>
        <translation>Çelësi i ri i rastit nga një ndërrim i çelësit të këtij rasti (brezi %1), ashtu si ju është dhënë, nuk e kaloi verifikimin. Dikush me qasje në server mund ta ketë ndryshuar. Njoftoni administratorin.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>week of arrival</source>
        <translation>java e mbërritjes</translation>
    </message>
    <message>
        <source>day of arrival</source>
        <translation>dita e mbërritjes</translation>
    </message>
    <message>
        <source>month of arrival</source>
        <translation>muaji i mbërritjes</translation>
    </message>
    <message>
        <source>status</source>
        <translation>statusi</translation>
    </message>
    <message>
        <source>label</source>
        <translation>etiketë</translation>
    </message>
    <message>
        <source>country</source>
        <translation>vendi</translation>
    </message>
    <message>
        <source>kind of incident</source>
        <translation>lloji i incidentit</translation>
    </message>
    <message>
        <source>Count cases by</source>
        <translation>Numëro rastet sipas</translation>
    </message>
    <message>
        <source>Chart of the counts</source>
        <translation>Grafiku i numrave</translation>
    </message>
    <message>
        <source>Counts (what an export contains)</source>
        <translation>Numrat (çfarë përmban eksporti)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Eksporto &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Eksporto &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Back to the cases</source>
        <translation>&amp;Kthehu te rastet</translation>
    </message>
    <message>
        <source>Count cases &amp;by:</source>
        <translation>Numëro rastet &amp;sipas:</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>numri i rasteve</translation>
    </message>
    <message>
        <source>Cases by %1</source>
        <translation>Rastet sipas: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in the list. Exports hold only these counts, never a case&apos;s text or id.</source>
        <translation>
            <numerusform>%n rast në listë. Eksportet përmbajnë vetëm këta numra, kurrë tekstin ose ID-në e një rasti.</numerusform>
            <numerusform>%n raste në listë. Eksportet përmbajnë vetëm këta numra, kurrë tekstin ose ID-në e një rasti.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the counts</source>
        <translation>Eksporto numrat</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>U eksportua në %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 nuk mund të shkruhej: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(asnjë)</translation>
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
        <translation>Përparimi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulo</translation>
    </message>
    <message>
        <source>Cancel the running operation</source>
        <translation>Anulo veprimin në vazhdim</translation>
    </message>
    <message>
        <source>Starting tor…</source>
        <translation>Po niset tor…</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Aktivitet i ri</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Shiriti kryesor</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Rifresko</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Kyçe</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Statistika</translation>
    </message>
    <message>
        <source>S&amp;hare all my cases…</source>
        <translation>Nda&amp;j të gjitha rastet e mia…</translation>
    </message>
    <message numerus="yes">
        <source>Shared %n case(s);</source>
        <translation>
            <numerusform>U nda %n rast;</numerusform>
            <numerusform>U ndanë %n raste;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n the colleague had already.</source>
        <translation>
            <numerusform>Kolegu i kishte tashmë: %n.</numerusform>
            <numerusform>Kolegu i kishte tashmë: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not yours to share.</source>
        <translation>
            <numerusform>Nuk janë tuajat për t&apos;u ndarë: %n.</numerusform>
            <numerusform>Nuk janë tuajat për t&apos;u ndarë: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not shared: %1</source>
        <translation>Nuk u ndanë: %1</translation>
    </message>
    <message>
        <source>Case deleted.</source>
        <translation>Rasti u fshi.</translation>
    </message>
    <message>
        <source>Save the attachment in</source>
        <translation>Ruaje skedarin e bashkëngjitur në</translation>
    </message>
    <message numerus="yes">
        <source>tor could not connect to the tor network in %n second(s). Check your network; where tor is blocked, ask your operator about bridges.</source>
        <translation>
            <numerusform>tor nuk arriti të lidhet me rrjetin Tor brenda %n sekonde. Kontrolloni rrjetin tuaj; aty ku tor është i bllokuar, pyesni operatorin për ura (bridges).</numerusform>
            <numerusform>tor nuk arriti të lidhet me rrjetin Tor brenda %n sekondash. Kontrolloni rrjetin tuaj; aty ku tor është i bllokuar, pyesni operatorin për ura (bridges).</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the tor network… %1%</source>
        <translation>Po lidhet me rrjetin Tor… %1%</translation>
    </message>
    <message>
        <source>No private folder for tor&apos;s keys.</source>
        <translation>Nuk ka direktori private për çelësat e tor-it.</translation>
    </message>
    <message>
        <source>Tor client key created.</source>
        <translation>Çelësi i klientit tor u krijua.</translation>
    </message>
    <message>
        <source>&amp;Check my setup</source>
        <translation>&amp;Kontrollo konfigurimin tim</translation>
    </message>
    <message>
        <source>Please wait: another operation is running.</source>
        <translation>Prisni: një veprim tjetër është në vazhdim.</translation>
    </message>
    <message>
        <source>Setup checked.</source>
        <translation>Konfigurimi u kontrollua.</translation>
    </message>
    <message>
        <source>Dojava Desk — %1</source>
        <translation>Dojava Desk — %1</translation>
    </message>
    <message>
        <source>Unlocked as %1.</source>
        <translation>U shkyç si %1.</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>U kyç.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s).</source>
        <translation>
            <numerusform>%n rast.</numerusform>
            <numerusform>%n raste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not shared with you.</source>
        <translation>
            <numerusform>Nuk janë ndarë me ju: %n.</numerusform>
            <numerusform>Nuk janë ndarë me ju: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Case opened.</source>
        <translation>Rasti u hap.</translation>
    </message>
    <message>
        <source>Saved and verified: %1. Open it on a computer without network if you can.</source>
        <translation>U ruajt dhe u verifikua: %1. Nëse mundeni, hapeni në një kompjuter pa rrjet.</translation>
    </message>
    <message>
        <source>Careful: this image still says where it was taken (GPS location). Clean it with mat2 before you share it.</source>
        <translation>Kujdes: kjo fotografi ende tregon ku është bërë (vendndodhja GPS). Pastrojeni me mat2 para se ta ndani.</translation>
    </message>
    <message>
        <source>Please wait: another operation is running (or Cancel it).</source>
        <translation>Prisni: një veprim tjetër është në vazhdim (ose anulojeni).</translation>
    </message>
    <message>
        <source>Stopped as you asked.</source>
        <translation>U ndal siç kërkuat.</translation>
    </message>
    <message>
        <source>New activity in Dojava</source>
        <translation>Aktivitet i ri në Dojava</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unread messages. Refresh (F5) to see them.</source>
        <translation>
            <numerusform>%n rast me mesazhe të palexuara. Rifreskoni (F5) për t&apos;i parë.</numerusform>
            <numerusform>%n raste me mesazhe të palexuara. Rifreskoni (F5) për t&apos;i parë.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unread messages.</source>
        <translation>
            <numerusform>%n rast me mesazhe të palexuara.</numerusform>
            <numerusform>%n raste me mesazhe të palexuara.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your reviewer key is made.</source>
        <translation>Çelësi juaj si anëtar i ekipit u krijua.</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>Create a new reviewer key</source>
        <translation>Krijo një çelës të ri si anëtar i ekipit</translation>
    </message>
    <message>
        <source>Your reviewer key stays on this computer, in a file locked with a passphrase. The passphrase is all that protects the key if the file is ever copied: use the one suggested here (write it down and keep it apart from the computer) or a long one of your own.</source>
        <translation>Çelësi juaj si anëtar i ekipit mbetet në këtë kompjuter, në një skedar të kyçur me fjalëkalim. Nëse skedari kopjohet ndonjëherë, çelësin e mbron vetëm fjalëkalimi: përdorni atë që ju sugjerohet këtu (shkruajeni dhe mbajeni larg kompjuterit) ose një fjalëkalim të gjatë tuajin.</translation>
    </message>
    <message>
        <source>New key file</source>
        <translation>Skedari i ri i çelësit</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Shfleto…</translation>
    </message>
    <message>
        <source>Choose where to save the new key file</source>
        <translation>Zgjidhni ku të ruhet skedari i ri i çelësit</translation>
    </message>
    <message>
        <source>Save the new key file as</source>
        <translation>Ruaje skedarin e ri të çelësit si</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Fjalëkalimi i ri</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Fjalëkalimi i ri, përsëri</translation>
    </message>
    <message>
        <source>&amp;Suggest a passphrase</source>
        <translation>&amp;Sugjero një fjalëkalim</translation>
    </message>
    <message>
        <source>Suggest a passphrase</source>
        <translation>Sugjero një fjalëkalim</translation>
    </message>
    <message numerus="yes">
        <source>Accept a passphrase shorter than %n character(s) (not recommended)</source>
        <translation>
            <numerusform>Prano një fjalëkalim më të shkurtër se %n karakter (nuk rekomandohet)</numerusform>
            <numerusform>Prano një fjalëkalim më të shkurtër se %n karaktere (nuk rekomandohet)</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Gabim</translation>
    </message>
    <message>
        <source>C&amp;reate the key</source>
        <translation>K&amp;rijo çelësin</translation>
    </message>
    <message>
        <source>Create the key</source>
        <translation>Krijo çelësin</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulo</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>Skedari i &amp;çelësit:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Fjalëkalimi:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Përsëri:</translation>
    </message>
    <message>
        <source>Your passphrase: %1
Write it down now; it is not shown again.</source>
        <translation>Fjalëkalimi juaj: %1
Shkruajeni tani; nuk do të shfaqet më.</translation>
    </message>
    <message>
        <source>Say where to save the key file.</source>
        <translation>Tregoni ku të ruhet skedari i çelësit.</translation>
    </message>
    <message>
        <source>%1 already exists. The app never overwrites a key file: choose another name, or open that key instead.</source>
        <translation>%1 ekziston tashmë. Aplikacioni nuk e mbishkruan kurrë një skedar çelësi: zgjidhni një emër tjetër ose hapni atë çelës.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same one twice.</source>
        <translation>Dy fjalëkalimet ndryshojnë. Shkruani të njëjtin dy herë.</translation>
    </message>
    <message>
        <source>Type a passphrase, or let the app suggest one.</source>
        <translation>Shkruani një fjalëkalim ose lëreni aplikacionin t’ju sugjerojë një.</translation>
    </message>
    <message numerus="yes">
        <source>This passphrase is shorter than %n character(s). It is all that protects your key if the file is ever copied: use a longer one or the suggested one.</source>
        <translation>
            <numerusform>Ky fjalëkalim është më i shkurtër se %n karakter. Nëse skedari kopjohet ndonjëherë, vetëm ai e mbron çelësin tuaj: përdorni një më të gjatë ose atë të sugjeruar.</numerusform>
            <numerusform>Ky fjalëkalim është më i shkurtër se %n karaktere. Nëse skedari kopjohet ndonjëherë, vetëm ai e mbron çelësin tuaj: përdorni një më të gjatë ose atë të sugjeruar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OwnTor</name>
    <message>
        <source>tor could not be started: %1</source>
        <translation>tor nuk mund të nisej: %1</translation>
    </message>
    <message>
        <source>tor stopped (exit code %1).</source>
        <translation>tor u ndal (kodi i daljes %1).</translation>
    </message>
    <message>
        <source>tor is not installed (apt install tor), so the app cannot start it.</source>
        <translation>tor nuk është i instaluar (apt install tor), prandaj aplikacioni nuk mund ta nisë.</translation>
    </message>
    <message>
        <source>%1 cannot be created as a private folder.</source>
        <translation>%1 nuk mund të krijohet si direktori private.</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for tor.</source>
        <translation>Nuk ka portë të lirë në 127.0.0.1 për tor-in.</translation>
    </message>
    <message>
        <source>The extra tor settings file %1 cannot be used: it must be a file you can read and only you can change.</source>
        <translation>Skedari me cilësime shtesë për tor %1 nuk mund të përdoret: duhet të jetë një skedar që ju mund ta lexoni dhe vetëm ju mund ta ndryshoni.</translation>
    </message>
    <message>
        <source>The extra tor settings file %1 cannot be used: it includes other files (%include), which the app cannot check. Put their lines in it instead.</source>
        <translation>Skedari me cilësime shtesë për tor %1 nuk mund të përdoret: përfshin skedarë të tjerë (%include), të cilët aplikacioni nuk mund t&apos;i kontrollojë. Vendosni rreshtat e tyre në të.</translation>
    </message>
</context>
<context>
    <name>PlainError</name>
    <message>
        <source>The passphrase does not open this key file. Check the keyboard layout and Caps Lock and try again.</source>
        <translation>Fjalëkalimi nuk e hap këtë skedar çelësi. Kontrolloni paraqitjen e tastierës dhe Caps Lock dhe provoni përsëri.</translation>
    </message>
    <message>
        <source>Verification failed: what the server sent is not signed by your organisation&apos;s admin key, or a case key changed since you last opened the case. The server may have been tampered with. Do not rely on this data; tell your admin before you go on.</source>
        <translation>Verifikimi dështoi: ajo që dërgoi serveri nuk është nënshkruar me çelësin e administratorit të organizatës suaj, ose çelësi i një rasti ka ndryshuar që kur e hapët rastin herën e fundit. Serveri mund të jetë manipuluar. Mos u mbështetni te këto të dhëna; njoftoni administratorin para se të vazhdoni.</translation>
    </message>
    <message>
        <source>Verification failed: the server shows an older list of reviewers than this computer saw before. Someone may be replaying old data. Tell your admin.</source>
        <translation>Verifikimi dështoi: serveri tregon një listë më të vjetër të anëtarëve të ekipit se ajo që ky kompjuter ka parë më parë. Dikush mund të jetë duke ridërguar të dhëna të vjetra. Njoftoni administratorin.</translation>
    </message>
    <message>
        <source>Verification failed: the list of reviewers the server shows has expired or does not continue the one this computer saw before. Someone may be replaying old data. Tell your admin.</source>
        <translation>Verifikimi dështoi: lista e anëtarëve të ekipit që tregon serveri ka skaduar ose nuk vazhdon atë që ky kompjuter ka parë më parë. Dikush mund të jetë duke ridërguar të dhëna të vjetra. Njoftoni administratorin.</translation>
    </message>
    <message>
        <source>Verification failed: the case&apos;s records were changed, reordered or signed by someone no longer on the team. Do not rely on this data; tell your admin before you go on.</source>
        <translation>Verifikimi dështoi: të dhënat e rastit janë ndryshuar, janë rirenditur ose janë nënshkruar nga dikush që nuk është më në ekip. Mos u mbështetni te këto të dhëna; njoftoni administratorin para se të vazhdoni.</translation>
    </message>
    <message>
        <source>Verification failed: data from the server does not decrypt or authenticate. It was damaged or changed on the server. Nothing of it is shown as genuine; tell your admin.</source>
        <translation>Verifikimi dështoi: të dhënat nga serveri nuk dekriptohen ose nuk vërtetohen. Janë dëmtuar ose ndryshuar në server. Asgjë prej tyre nuk shfaqet si e vërtetë; njoftoni administratorin.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address, that tor is running (for an onion address) and your network, then try again.</source>
        <translation>Serveri nuk mund të arrihet. Kontrolloni adresën, nëse tor po punon (për një adresë onion) dhe rrjetin tuaj, pastaj provoni përsëri.</translation>
    </message>
    <message>
        <source>Not allowed: your key is not on the reviewer list, this case was not shared with you, or a file has unsafe permissions. Send your public key line to the admin, or ask a colleague to grant the case.</source>
        <translation>Nuk lejohet: çelësi juaj nuk është në listën e anëtarëve të ekipit, ky rast nuk është ndarë me ju, ose një skedar ka leje të pasigurta. Dërgojini administratorit rreshtin e çelësit tuaj publik, ose kërkojini një kolegu ta ndajë rastin me ju.</translation>
    </message>
    <message>
        <source>Not found: the case or file no longer exists, or the address is not the reviewer address of the server.</source>
        <translation>Nuk u gjet: rasti ose skedari nuk ekziston më, ose adresa nuk është adresa e serverit për anëtarët e ekipit.</translation>
    </message>
    <message>
        <source>Something with this name already exists, or the server changed meanwhile. Choose another name or try again.</source>
        <translation>Diçka me këtë emër ekziston tashmë, ose serveri ndryshoi ndërkohë. Zgjidhni një emër tjetër ose provoni përsëri.</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full or it is busy: nothing was stored. Try again later; tell the operator if it lasts.</source>
        <translation>Disku i serverit është plot ose serveri është i zënë: asgjë nuk u ruajt. Provoni më vonë; nëse vazhdon, njoftoni operatorin.</translation>
    </message>
    <message>
        <source>The server&apos;s limit for this case is reached (too many messages, keys or file chunks). Nothing more can be added to it.</source>
        <translation>U arrit kufiri i serverit për këtë rast (shumë mesazhe, çelësa ose pjesë skedarësh). Nuk mund t&apos;i shtohet asgjë më.</translation>
    </message>
    <message>
        <source>This setting or input cannot be used.</source>
        <translation>Ky cilësim ose kjo e dhënë nuk mund të përdoret.</translation>
    </message>
    <message>
        <source>Stopped as you asked.</source>
        <translation>U ndal siç kërkuat.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Serveri e refuzoi kërkesën.</translation>
    </message>
    <message>
        <source>Details: </source>
        <translation>Hollësi: </translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Drejtori</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Skedar</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>Skedar %1</translation>
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
        <translation>Shiko në:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Prapa</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Kthehu prapa</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Përpara</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Shko përpara</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Drejtoria mëmë</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Shko te drejtoria mëmë</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Krijo drejtori të re</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Krijo një drejtori të re</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Pamje liste</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Kalo te pamja listë</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Pamje me hollësi</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Kalo te pamja me hollësi</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Shiriti anësor</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Lista e vendeve dhe e faqerojtësve</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Skedarët</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Emri i skedarit:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Drejtoria:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Skedarë të llojit:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Të gjithë skedarët (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Drejtori</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Hap</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Ruaj</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Zgjidh</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Riemërto</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Fshi</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Shfaq skedarët e &amp;fshehur</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Drejtori e &amp;re</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Drejtori e re</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Shfaq </translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 ekziston tashmë.
Dëshironi ta zëvendësoni?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Jeni i sigurt që doni të fshini &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; është i mbrojtur nga shkrimi.
Dëshironi ta fshini gjithsesi?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Drejtoria nuk u fshi dot.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Drejtoria nuk u gjet.
Kontrolloni nëse emri i drejtorisë është i saktë.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Skedari nuk u gjet.
Kontrolloni nëse emri i skedarit është i saktë.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Hap</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Gjej drejtorinë</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Ruaje si</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Emri</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Madhësia</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Lloji</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Data e ndryshimit</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Kompjuteri</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Emër skedari i pavlefshëm</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;Emri &quot;%1&quot; nuk mund të përdoret.&lt;/b&gt;&lt;p&gt;Provoni një emër tjetër, me më pak shkronja ose pa shenja pikësimi.</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Zhbëj</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ribëj</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Prit</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopjo</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Ngjit</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Fshi</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Përzgjidhi të gjitha</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Shfaq hollësitë...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Fshih hollësitë...</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Status set to %1</source>
        <translation>Statusi u vendos: %1</translation>
    </message>
    <message>
        <source>Labels: +%1 -%2</source>
        <translation>Etiketat: +%1 −%2</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Caktimi u hoq</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>U caktua për: %1</translation>
    </message>
    <message>
        <source>(a message of a kind this version does not show: %1)</source>
        <translation>(një mesazh i një lloji që ky version nuk e shfaq: %1)</translation>
    </message>
    <message>
        <source>%1 cannot be read, so nothing was sent.</source>
        <translation>%1 nuk mund të lexohet, prandaj nuk u dërgua asgjë.</translation>
    </message>
    <message>
        <source>mat2 is not installed, so the metadata of %1 cannot be removed. Nothing was sent. Install mat2, or send the file without cleaning if you are sure it reveals nothing.</source>
        <translation>mat2 nuk është i instaluar, prandaj meta të dhënat e %1 nuk mund të hiqen. Nuk u dërgua asgjë. Instaloni mat2, ose dërgojeni skedarin pa e pastruar nëse jeni të sigurt që nuk zbulon asgjë.</translation>
    </message>
    <message>
        <source>mat2 could not remove the metadata of %1 (a format it does not know, or a damaged file). Nothing was sent. Send it without cleaning only if you are sure it reveals nothing.</source>
        <translation>mat2 nuk arriti t&apos;i heqë meta të dhënat e %1 (një format që nuk e njeh ose një skedar i dëmtuar). Nuk u dërgua asgjë. Dërgojeni pa e pastruar vetëm nëse jeni të sigurt që nuk zbulon asgjë.</translation>
    </message>
    <message>
        <source>The cleaned copy of %1 could not be kept, so nothing was sent.</source>
        <translation>Kopja e pastruar e %1 nuk mund të ruhej, prandaj nuk u dërgua asgjë.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Burimi</translation>
    </message>
    <message>
        <source>This message failed verification and is not shown:</source>
        <translation>Ky mesazh nuk kaloi verifikimin dhe nuk shfaqet:</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Bashkëngjitje:</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Gjuha</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Ndiq gjuhën e sistemit</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Gabim</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 bajtë)</translation>
    </message>
    <message>
        <source>Delete this case?</source>
        <translation>Të fshihet ky rast?</translation>
    </message>
    <message>
        <source>The case, its conversation, notes and files are deleted from the server for every reviewer. This cannot be undone.</source>
        <translation>Rasti, biseda e tij, shënimet dhe skedarët fshihen nga serveri për të gjithë anëtarët e ekipit. Kjo nuk mund të kthehet pas.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Fshije përgjithmonë</translation>
    </message>
    <message>
        <source>Keep the case</source>
        <translation>Mbaje rastin</translation>
    </message>
    <message>
        <source>Share all my cases</source>
        <translation>Ndaj të gjitha rastet e mia</translation>
    </message>
    <message>
        <source>Give this colleague access to every case you hold (for a colleague who just joined):</source>
        <translation>Jepini këtij kolegu qasje në çdo rast që keni (për një koleg që sapo është bashkuar):</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Në rregull</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Ruaj</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Ruaji të gjitha</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Hap</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Po</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Po për &amp;të gjitha</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Jo</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>J&amp;o për të gjitha</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Ndërprit</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Riprovo</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Shpërfill</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Mbyll</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulo</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Hidh poshtë</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ndihmë</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Zbato</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Rivendos</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Rikthe parazgjedhjet</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>Rrëshqit këtu</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Skaji i majtë</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Sipër</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Skaji i djathtë</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Poshtë</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>Faqe majtas</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Faqe sipër</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>Faqe djathtas</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Faqe poshtë</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Rrëshqit majtas</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Rrëshqit sipër</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Rrëshqit djathtas</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Rrëshqit poshtë</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Zhbëj</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ribëj</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Prit</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopjo</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Kopjo &amp;adresën e lidhjes</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Ngjit</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Fshi</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Përzgjidhi të gjitha</translation>
    </message>
</context>
<context>
    <name>ReportTerms</name>
    <message>
        <source>new</source>
        <translation>i ri</translation>
    </message>
    <message>
        <source>triage</source>
        <translation>në triazh</translation>
    </message>
    <message>
        <source>investigating</source>
        <translation>në hetim</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>i verifikuar</translation>
    </message>
    <message>
        <source>published</source>
        <translation>i publikuar</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>i mbyllur</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titulli</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Vendi</translation>
    </message>
    <message>
        <source>What kind of incident</source>
        <translation>Lloji i incidentit</translation>
    </message>
    <message>
        <source>When did it happen</source>
        <translation>Kur ndodhi</translation>
    </message>
    <message>
        <source>Who do you believe is responsible</source>
        <translation>Kush mendoni se është përgjegjës</translation>
    </message>
    <message>
        <source>Albania</source>
        <translation>Shqipëria</translation>
    </message>
    <message>
        <source>Bosnia and Herzegovina</source>
        <translation>Bosnja dhe Hercegovina</translation>
    </message>
    <message>
        <source>Kosovo</source>
        <translation>Kosova</translation>
    </message>
    <message>
        <source>Montenegro</source>
        <translation>Mali i Zi</translation>
    </message>
    <message>
        <source>North Macedonia</source>
        <translation>Maqedonia e Veriut</translation>
    </message>
    <message>
        <source>Serbia</source>
        <translation>Serbia</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Tjetër</translation>
    </message>
    <message>
        <source>Spyware on a phone or computer</source>
        <translation>Program spiunazhi në telefon ose kompjuter</translation>
    </message>
    <message>
        <source>Interception of calls or messages</source>
        <translation>Përgjim i thirrjeve ose mesazheve</translation>
    </message>
    <message>
        <source>Physical surveillance (being followed or watched)</source>
        <translation>Mbikëqyrje fizike (ndjekje ose vëzhgim)</translation>
    </message>
    <message>
        <source>Requests for data (to a company or provider)</source>
        <translation>Kërkesa për të dhëna (drejtuar një kompanie ose ofruesi)</translation>
    </message>
    <message>
        <source>Website blocking</source>
        <translation>Bllokim i faqeve të internetit</translation>
    </message>
    <message>
        <source>Content taken down</source>
        <translation>Heqje e përmbajtjes</translation>
    </message>
    <message>
        <source>Internet shutdown</source>
        <translation>Ndërprerje e internetit</translation>
    </message>
    <message>
        <source>SLAPP or legal threat</source>
        <translation>Padi SLAPP ose kërcënim ligjor</translation>
    </message>
    <message>
        <source>Intimidation</source>
        <translation>Frikësim</translation>
    </message>
    <message>
        <source>Disinformation campaign</source>
        <translation>Fushatë dezinformimi</translation>
    </message>
    <message>
        <source>State (government, police, services)</source>
        <translation>Shteti (qeveria, policia, shërbimet sekrete)</translation>
    </message>
    <message>
        <source>Non-state (a company, a group, a person)</source>
        <translation>Joshtetëror (kompani, grup ose person)</translation>
    </message>
    <message>
        <source>I do not know</source>
        <translation>Nuk e di</translation>
    </message>
    <message>
        <source>Other country</source>
        <translation>Tjetër</translation>
    </message>
</context>
<context>
    <name>SetupCheckPage</name>
    <message>
        <source>&lt;h2&gt;Check my setup&lt;/h2&gt;&lt;p&gt;Every step between this computer and your cases, each with what to do when it fails. Your passphrase is needed to check that the roster lists your key.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Kontrollo konfigurimin tim&lt;/h2&gt;&lt;p&gt;Çdo hap mes këtij kompjuteri dhe rasteve tuaja, secili me atë që duhet bërë kur dështon. Fjalëkalimi nevojitet për të kontrolluar nëse çelësi juaj është në listën e anëtarëve të ekipit.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Passphrase for the check</source>
        <translation>Fjalëkalimi për kontrollin</translation>
    </message>
    <message>
        <source>&amp;Run the checks</source>
        <translation>&amp;Nis kontrollet</translation>
    </message>
    <message>
        <source>Run the checks</source>
        <translation>Nis kontrollet</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Prapa</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Prapa</translation>
    </message>
    <message>
        <source>Results of the checks</source>
        <translation>Rezultatet e kontrolleve</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Rezultati</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontrolli</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>U gjet</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Çfarë duhet bërë</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Fjalëkalimi:</translation>
    </message>
    <message>
        <source>Checking… (reaching an onion service can take a minute)</source>
        <translation>Po kontrollohet… (arritja e një shërbimi onion mund të zgjasë një minutë)</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ në rregull</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ dështoi</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– u anashkalua</translation>
    </message>
    <message>
        <source>Everything checked works.</source>
        <translation>Gjithçka që u kontrollua funksionon.</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed: see what to do in the last column.</source>
        <translation>
            <numerusform>%n kontroll dështoi: shihni në kolonën e fundit çfarë duhet bërë.</numerusform>
            <numerusform>%n kontrolle dështuan: shihni në kolonën e fundit çfarë duhet bërë.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>&lt;h2&gt;Welcome to Dojava Desk&lt;/h2&gt;&lt;p&gt;Tell the app where your reviewer key is and how to reach your organisation&apos;s Dojava server. Your admin gave you an onboarding file, or the address and the admin fingerprint.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Mirë se vini në Dojava Desk&lt;/h2&gt;&lt;p&gt;Tregojini aplikacionit ku është çelësi juaj si anëtar i ekipit dhe si të arrijë te serveri Dojava i organizatës suaj. Administratori ju ka dhënë një skedar lidhjeje, ose adresën dhe gjurmën e administratorit.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Skedari i çelësit</translation>
    </message>
    <message>
        <source>/home/you/dojava-reviewer.key</source>
        <translation>/home/emri/dojava-reviewer.key</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Shfleto…</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Zgjidh skedarin e çelësit</translation>
    </message>
    <message>
        <source>Your reviewer key file</source>
        <translation>Skedari i çelësit tuaj si anëtar i ekipit</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresa e serverit</translation>
    </message>
    <message>
        <source>http://….onion, http://127.0.0.1:PORT or unix:/path</source>
        <translation>http://….onion, http://127.0.0.1:PORTA ose unix:/shtegu</translation>
    </message>
    <message>
        <source>Tor SOCKS port</source>
        <translation>Porta SOCKS e Tor-it</translation>
    </message>
    <message>
        <source>127.0.0.1:9050 (for an onion address)</source>
        <translation>127.0.0.1:9050 (për një adresë onion)</translation>
    </message>
    <message>
        <source>Admin fingerprint</source>
        <translation>Gjurma e administratorit</translation>
    </message>
    <message>
        <source>as your admin wrote it</source>
        <translation>siç e ka shkruar administratori</translation>
    </message>
    <message>
        <source>Open &amp;onboarding file…</source>
        <translation>Hap skedarin e &amp;lidhjes…</translation>
    </message>
    <message>
        <source>Open the onboarding file from your admin</source>
        <translation>Hap skedarin e lidhjes nga administratori</translation>
    </message>
    <message>
        <source>The onboarding file from your admin</source>
        <translation>Skedari i lidhjes nga administratori juaj</translation>
    </message>
    <message>
        <source>Start my own &amp;tor (recommended: no tor setup needed)</source>
        <translation>Nis &amp;tor-in tim (e rekomanduar, pa konfigurim)</translation>
    </message>
    <message>
        <source>Create my tor client &amp;key</source>
        <translation>Krijo çelësin tim të &amp;klientit tor</translation>
    </message>
    <message>
        <source>Create my tor client key</source>
        <translation>Krijo çelësin tim të klientit tor</translation>
    </message>
    <message>
        <source>Your tor client key, public part</source>
        <translation>Çelësi juaj i klientit tor, pjesa publike</translation>
    </message>
    <message>
        <source>The reviewer address is protected by tor client authorization: create your key here and send its public part, with your public key line, to your operator.</source>
        <translation>Adresa për anëtarët e ekipit mbrohet me autorizimin e klientit të tor-it: krijoni këtu çelësin tuaj dhe dërgojini operatorit pjesën e tij publike, bashkë me rreshtin e çelësit tuaj publik.</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>Skedari i &amp;çelësit:</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>Adresa e &amp;serverit:</translation>
    </message>
    <message>
        <source>&amp;Tor SOCKS port:</source>
        <translation>Porta SOCKS e &amp;Tor-it:</translation>
    </message>
    <message>
        <source>Admin &amp;fingerprint:</source>
        <translation>&amp;Gjurma e administratorit:</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Vazhdo</translation>
    </message>
    <message>
        <source>Save these settings and continue</source>
        <translation>Ruaj këto cilësime dhe vazhdo</translation>
    </message>
    <message>
        <source>Send this public line to your operator (read its first and last characters to them by phone). The private part is in %1, where the app&apos;s own tor uses it; with another tor, copy that file into the folder its ClientOnionAuthDir names.</source>
        <translation>Dërgojini operatorit këtë rresht publik (lexojini në telefon karakteret e para dhe të fundit). Pjesa private është në %1, ku e përdor tor-i i aplikacionit; me një tor tjetër, kopjojeni atë skedar në direktorinë që tregon ClientOnionAuthDir i tij.</translation>
    </message>
    <message>
        <source>%1 is not an onboarding file from a Dojava admin: %2</source>
        <translation>%1 nuk është skedar lidhjeje nga një administrator i Dojava: %2</translation>
    </message>
    <message>
        <source>Onboarding file read.</source>
        <translation>Skedari i lidhjes u lexua.</translation>
    </message>
    <message>
        <source>Onboarding file of %1 read.</source>
        <translation>Skedari i lidhjes për %1 u lexua.</translation>
    </message>
    <message>
        <source>The server address and admin fingerprint are filled in; on first contact the app pins the admin key with this fingerprint and refuses any other.</source>
        <translation>Adresa e serverit dhe gjurma e administratorit janë plotësuar; në kontaktin e parë aplikacioni ruan çelësin e administratorit me këtë gjurmë dhe refuzon çdo tjetër.</translation>
    </message>
    <message>
        <source>Fill in the key file, the server address and the admin fingerprint.</source>
        <translation>Plotësoni skedarin e çelësit, adresën e serverit dhe gjurmën e administratorit.</translation>
    </message>
    <message>
        <source>An onion address is reached through tor: give tor&apos;s SOCKS port (usually 127.0.0.1:9050, or 127.0.0.1:9150 with Tor Browser).</source>
        <translation>Një adresë onion arrihet përmes tor-it: jepni portën SOCKS të tor-it (zakonisht 127.0.0.1:9050, ose 127.0.0.1:9150 me Tor Browser).</translation>
    </message>
    <message>
        <source>Create a &amp;new key…</source>
        <translation>Krijo një çelës të &amp;ri…</translation>
    </message>
    <message>
        <source>Create a new reviewer key</source>
        <translation>Krijo një çelës të ri si anëtar i ekipit</translation>
    </message>
    <message>
        <source>Your public key line</source>
        <translation>Rreshti i çelësit tuaj publik</translation>
    </message>
    <message>
        <source>Cop&amp;y the public line</source>
        <translation>Kop&amp;jo rreshtin publik</translation>
    </message>
    <message>
        <source>Copy your public key line</source>
        <translation>Kopjo rreshtin e çelësit tuaj publik</translation>
    </message>
    <message>
        <source>Copy &amp;both lines for the admin</source>
        <translation>Kopjo të &amp;dy rreshtat për administratorin</translation>
    </message>
    <message>
        <source>Copy your public key line and tor client key together</source>
        <translation>Kopjo bashkë rreshtin e çelësit publik dhe çelësin e klientit tor</translation>
    </message>
    <message>
        <source>Your key is made and saved in %1 (only you can read it). Send the public line above to your admin, who adds you to the roster; it is also in %1.pub. It is not secret, but check it with your admin by phone: its first and last characters are enough.</source>
        <translation>Çelësi juaj u krijua dhe u ruajt në %1 (vetëm ju mund ta lexoni). Dërgojini administratorit rreshtin publik më sipër; ai ju shton në listën e anëtarëve të ekipit. Ndodhet edhe në %1.pub. Nuk është i fshehtë, por kontrollojeni me administratorin në telefon: mjaftojnë karakteret e para dhe të fundit.</translation>
    </message>
    <message>
        <source>My Dojava reviewer public key line:</source>
        <translation>Rreshti i çelësit tim publik si anëtar i ekipit në Dojava:</translation>
    </message>
    <message>
        <source>My tor client key (public part) for the reviewer address:</source>
        <translation>Çelësi im i klientit tor (pjesa publike) për adresën e anëtarëve të ekipit:</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>&lt;h2&gt;Unlock Dojava Desk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Shkyçni Dojava Desk&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Fjalëkalimi</translation>
    </message>
    <message>
        <source>the passphrase of your key file</source>
        <translation>fjalëkalimi i skedarit të çelësit tuaj</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Shkyç</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Shkyçja</translation>
    </message>
    <message>
        <source>Change &amp;settings…</source>
        <translation>Ndrysho &amp;cilësimet…</translation>
    </message>
    <message>
        <source>Change the server settings</source>
        <translation>Ndrysho cilësimet e serverit</translation>
    </message>
    <message>
        <source>Check my &amp;setup…</source>
        <translation>Kontrollo &amp;konfigurimin tim…</translation>
    </message>
    <message>
        <source>Check my setup</source>
        <translation>Kontrollo konfigurimin tim</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Fjalëkalimi:</translation>
    </message>
    <message>
        <source>Server: %1
Your key stays on this computer; it is unlocked in memory only and locked again when you leave the app idle.</source>
        <translation>Serveri: %1
Çelësi juaj mbetet në këtë kompjuter; shkyçet vetëm në kujtesë dhe kyçet përsëri kur e lini aplikacionin pa aktivitet.</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Shkruani fjalëkalimin.</translation>
    </message>
</context>
</TS>
