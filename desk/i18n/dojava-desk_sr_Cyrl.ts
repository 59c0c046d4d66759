<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sr_Cyrl">
<context>
    <name>Backend</name>
    <message>
        <source>Locked</source>
        <translation>Закључано</translation>
    </message>
    <message>
        <source>Dojava Desk is locked. Unlock it with your passphrase.</source>
        <translation>Дојава Desk је закључан. Откључајте га својом лозинком.</translation>
    </message>
    <message>
        <source>Unlocking and checking the server…</source>
        <translation>Откључавање и провера сервера…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Откључавање</translation>
    </message>
    <message>
        <source>Opening your cases…</source>
        <translation>Отварање ваших случајева…</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>Списак случајева</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Отварање случаја</translation>
    </message>
    <message>
        <source>Opening the case…</source>
        <translation>Отвара се случај…</translation>
    </message>
    <message>
        <source>Adding the note…</source>
        <translation>Додаје се белешка…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Белешка</translation>
    </message>
    <message>
        <source>Note added (only your team sees it).</source>
        <translation>Белешка је додата (види је само ваш тим).</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Changing the status…</source>
        <translation>Мења се статус…</translation>
    </message>
    <message>
        <source>Status set to %1.</source>
        <translation>Статус је постављен на %1.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Ознака</translation>
    </message>
    <message>
        <source>Adding the label…</source>
        <translation>Додаје се ознака…</translation>
    </message>
    <message>
        <source>Label added.</source>
        <translation>Ознака је додата.</translation>
    </message>
    <message>
        <source>Assigning…</source>
        <translation>Додељивање…</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Додела</translation>
    </message>
    <message>
        <source>Unassigned.</source>
        <translation>Додела је уклоњена.</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>Додељено: %1.</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Преузимање…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Преузимање</translation>
    </message>
    <message>
        <source>Sending the reply…</source>
        <translation>Шаље се одговор…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Одговор</translation>
    </message>
    <message>
        <source>No private temporary folder for the cleaned copies.</source>
        <translation>Нема приватне привремене фасцикле за очишћене копије.</translation>
    </message>
    <message>
        <source>Encrypting and sending %1…</source>
        <translation>Шифрује се и шаље %1…</translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation>Одговор је послат.</translation>
    </message>
    <message numerus="yes">
        <source>Reply sent with %n file(s).</source>
        <translation>
            <numerusform>Одговор је послат уз %n фајл.</numerusform>
            <numerusform>Одговор је послат уз %n фајла.</numerusform>
            <numerusform>Одговор је послат уз %n фајлова.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sharing the case…</source>
        <translation>Случај се дели…</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Дељење</translation>
    </message>
    <message>
        <source>%1 already had access to this case.</source>
        <translation>%1 већ има приступ овом случају.</translation>
    </message>
    <message>
        <source>%1 can now read this case.</source>
        <translation>%1 сада може да чита овај случај.</translation>
    </message>
    <message>
        <source>Sharing all your cases with %1…</source>
        <translation>Ваши случајеви се деле са чланом тима %1…</translation>
    </message>
    <message>
        <source>Grant all</source>
        <translation>Дељење свих случајева</translation>
    </message>
    <message>
        <source>Deleting the case…</source>
        <translation>Брише се случај…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Брисање</translation>
    </message>
    <message>
        <source>Checking for new activity</source>
        <translation>Провера нове активности</translation>
    </message>
    <message>
        <source>Checking your setup…</source>
        <translation>Проверава се ваше подешавање…</translation>
    </message>
    <message>
        <source>Creating your tor client key…</source>
        <translation>Прави се ваш клијентски кључ за tor…</translation>
    </message>
    <message>
        <source>Tor client key</source>
        <translation>Клијентски кључ за tor</translation>
    </message>
    <message>
        <source>No key was made: %1</source>
        <translation>Кључ није направљен: %1</translation>
    </message>
    <message>
        <source>Creating your reviewer key (this takes a few seconds)…</source>
        <translation>Прави се ваш кључ члана тима (траје неколико секунди)…</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Нови кључ</translation>
    </message>
    <message>
        <source>%1 already exists. The app never overwrites a key file: choose another name, or open that key instead.</source>
        <translation>%1 већ постоји. Апликација никада не преписује фајл са кључем: изаберите друго име или уместо тога отворите тај кључ.</translation>
    </message>
    <message>
        <source>Sealing your case keys to your new encryption key…</source>
        <translation>Кључеви ваших случајева се закључавају вашим новим кључем за шифровање…</translation>
    </message>
    <message>
        <source>Your case keys could not be sealed to your new encryption key yet (the app tries again at the next unlock): %1</source>
        <translation>Кључеви ваших случајева још нису могли да се закључају вашим новим кључем за шифровање (апликација покушава поново при следећем откључавању): %1</translation>
    </message>
    <message numerus="yes">
        <source>Your new encryption key is on the roster: %n key(s) of your cases are now sealed to it.</source>
        <translation>
            <numerusform>Ваш нови кључ за шифровање је на списку чланова тима: %n кључ ваших случајева је сада закључан њиме.</numerusform>
            <numerusform>Ваш нови кључ за шифровање је на списку чланова тима: %n кључа ваших случајева су сада закључана њиме.</numerusform>
            <numerusform>Ваш нови кључ за шифровање је на списку чланова тима: %n кључева ваших случајева је сада закључано њиме.</numerusform>
        </translation>
    </message>
    <message>
        <source>The old key file %1 is destroyed.</source>
        <translation>Стари фајл са кључем %1 је уништен.</translation>
    </message>
    <message>
        <source>Not sealed again yet (the old key is kept until they are): %1</source>
        <translation>Још нису поново закључани (стари кључ се чува док не буду): %1</translation>
    </message>
    <message>
        <source>Logging in again…</source>
        <translation>Поновно пријављивање…</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>New</source>
        <translation>Ново</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Наслов</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Држава</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Врста</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Ознаке</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Додељено</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Последња активност</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Фајлови</translation>
    </message>
    <message>
        <source>Search in the cases&apos; text</source>
        <translation>Претрага текста случајева</translation>
    </message>
    <message>
        <source>Search in the decrypted text (Ctrl+F)</source>
        <translation>Претрага дешифрованог текста (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show cases with status</source>
        <translation>Прикажи случајеве са статусом</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Сви статуси</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Случајеви</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Претрага:</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>непрочитано</translation>
    </message>
    <message>
        <source>read</source>
        <translation>прочитано</translation>
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
        <translation>Упозорење о провери</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Пријава</translation>
    </message>
    <message>
        <source>Conversation with the source</source>
        <translation>Разговор са извором</translation>
    </message>
    <message>
        <source>Internal notes, not seen by the source</source>
        <translation>Интерне белешке, извор их не види</translation>
    </message>
    <message>
        <source>Reply to the source</source>
        <translation>Одговор извору</translation>
    </message>
    <message>
        <source>Reply to the source (the source will read this)</source>
        <translation>Одговор извору (извор ће ово прочитати)</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Интерна белешка</translation>
    </message>
    <message>
        <source>Internal note (only your team sees this)</source>
        <translation>Интерна белешка (види је само ваш тим)</translation>
    </message>
    <message>
        <source>Send &amp;reply</source>
        <translation>Пошаљи &amp;одговор</translation>
    </message>
    <message>
        <source>Send the reply to the source</source>
        <translation>Пошаљи одговор извору</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Додај &amp;белешку</translation>
    </message>
    <message>
        <source>Add the internal note</source>
        <translation>Додај интерну белешку</translation>
    </message>
    <message>
        <source>Internal notes — the source never sees these</source>
        <translation>Интерне белешке — извор их никада не види</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Случај</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Set s&amp;tatus</source>
        <translation>Постави с&amp;татус</translation>
    </message>
    <message>
        <source>Set the status</source>
        <translation>Постави статус</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Нова ознака</translation>
    </message>
    <message>
        <source>label</source>
        <translation>ознака</translation>
    </message>
    <message>
        <source>Add &amp;label</source>
        <translation>Додај о&amp;знаку</translation>
    </message>
    <message>
        <source>Add the label</source>
        <translation>Додај ознаку</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Додељено</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Додели</translation>
    </message>
    <message>
        <source>Assign the case</source>
        <translation>Додели случај</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Приложени фајлови</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Преузми…</translation>
    </message>
    <message>
        <source>Download the chosen attachment</source>
        <translation>Преузми изабрани фајл</translation>
    </message>
    <message>
        <source>Colleague to share the case with</source>
        <translation>Колега са којим делите случај</translation>
    </message>
    <message>
        <source>&amp;Share with</source>
        <translation>&amp;Подели са</translation>
    </message>
    <message>
        <source>Share the case with the colleague</source>
        <translation>Подели случај са колегом</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>Обриши случај…</translation>
    </message>
    <message>
        <source>Delete the case for good</source>
        <translation>Трајно обриши случај</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>нико</translation>
    </message>
    <message>
        <source>me (%1)</source>
        <translation>ја (%1)</translation>
    </message>
    <message>
        <source>Files to send with the reply</source>
        <translation>Фајлови који иду уз одговор</translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation>Приложи &amp;фајл…</translation>
    </message>
    <message>
        <source>Attach a file to the reply</source>
        <translation>Приложи фајл уз одговор</translation>
    </message>
    <message>
        <source>A file to send to the source</source>
        <translation>Фајл за слање извору</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Уклони</translation>
    </message>
    <message>
        <source>Remove the chosen file</source>
        <translation>Уклони изабрани фајл</translation>
    </message>
    <message>
        <source>Remove metadata with mat2 before sending</source>
        <translation>Уклони метаподатке помоћу mat2 пре слања</translation>
    </message>
    <message>
        <source>Warning about the attached files</source>
        <translation>Упозорење о приложеним фајловима</translation>
    </message>
    <message>
        <source>mat2 is not installed: these files are sent as they are, with their metadata (author, device, dates, and for photos often the place). Install mat2 to remove it.</source>
        <translation>mat2 није инсталиран: ови фајлови се шаљу такви какви јесу, са метаподацима (аутор, уређај, датуми, а код фотографија често и место). Инсталирајте mat2 да бисте их уклонили.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 не може да се прочита.</translation>
    </message>
    <message>
        <source>%1 holds location data (GPS): where the photo was taken. Keep &quot;Remove metadata&quot; on.</source>
        <translation>%1 садржи податке о локацији (GPS): где је фотографија снимљена. Оставите укључено „Уклони метаподатке“.</translation>
    </message>
    <message>
        <source>%1 holds location data (GPS): it shows where the photo was taken.  Do not send it like this.</source>
        <translation>%1 садржи податке о локацији (GPS): показује где је фотографија снимљена. Не шаљите је овакву.</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>статус: %1</translation>
    </message>
    <message>
        <source>no labels</source>
        <translation>без ознака</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>није додељено</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>додељено: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of this case failed verification: they were changed or damaged on the server and are not shown. </source>
        <translation>
            <numerusform>%n порука овог случаја није прошла проверу: измењена је или оштећена на серверу и није приказана. </numerusform>
            <numerusform>%n поруке овог случаја нису прошле проверу: измењене су или оштећене на серверу и нису приказане. </numerusform>
            <numerusform>%n порука овог случаја није прошло проверу: измењене су или оштећене на серверу и нису приказане. </numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#777&apos;&gt;No notes yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Још нема бележака.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No case open&lt;/h3&gt;Choose a case from the list.</source>
        <translation>&lt;h3&gt;Ниједан случај није отворен&lt;/h3&gt;Изаберите случај са списка.</translation>
    </message>
    <message>
        <source>%1. %2  (%3 bytes, %4)</source>
        <translation>%1. %2  (%3 B, %4)</translation>
    </message>
    <message>
        <source>Do not trust this case. Its first message (the source&apos;s report) or the order of its messages failed verification: someone with access to the server may have swapped the case&apos;s key and could read anything written here. Replies and notes are switched off for this case; tell your admin. </source>
        <translation>Не верујте овом случају. Његова прва порука (пријава извора) или редослед његових порука није прошао проверу: неко ко има приступ серверу можда је заменио кључ случаја и могао би да прочита све што се овде напише. Одговори и белешке су искључени за овај случај; обавестите администратора. </translation>
    </message>
    <message>
        <source>%1. %2  (%3 bytes)</source>
        <translation>%1. %2  (%3 B)</translation>
    </message>
    <message>
        <source>Warning about the source&apos;s key</source>
        <translation>Упозорење о кључу извора</translation>
    </message>
    <message>
        <source>The server&apos;s key for the source of this case is not the one in the source&apos;s signed report. Someone with access to the server may have swapped it, to read what a re-key would send the source. Do not re-key this case; tell your admin. Reading and replying stay possible: the case&apos;s own key is not in question.</source>
        <translation>Кључ извора овог случаја који даје сервер није онај из потписане пријаве извора. Неко ко има приступ серверу можда га је заменио да би прочитао оно што би промена кључа случаја послала извору. Не мењајте кључ овог случаја; обавестите администратора. Читање и одговарање су и даље могући: сам кључ случаја није доведен у питање.</translation>
    </message>
    <message>
        <source>Warning about the case&apos;s re-keys</source>
        <translation>Упозорење о променама кључа случаја</translation>
    </message>
    <message>
        <source>A re-key of this case could not be read and was skipped (generation %1). Someone with access to the server, or with a colleague&apos;s key, may have stored a damaged one. </source>
        <translation>Једна промена кључа овог случаја није могла да се прочита и прескочена је (генерација %1). Неко ко има приступ серверу или кључу колеге можда је сачувао оштећену. </translation>
    </message>
    <message>
        <source> Replies, notes and status changes are switched off for this case; reading stays possible.</source>
        <translation> Одговори, белешке и промене статуса искључени су за овај случај; читање је и даље могуће.</translation>
    </message>
    <message>
        <source>It is ignored: replies and notes go on under the last case key that could be followed. Tell your admin if it happens again.</source>
        <translation>Занемарена је: одговори и белешке настављају се под последњим кључем случаја који је могао да се прати. Обавестите администратора ако се то понови.</translation>
    </message>
    <message>
        <source>The server lists the re-keys of this case out of order. Someone with access to the server may be hiding or replaying one. Tell your admin.</source>
        <translation>Сервер наводи промене кључа овог случаја погрешним редоследом. Неко ко има приступ серверу можда неку скрива или понавља. Обавестите администратора.</translation>
    </message>
    <message>
        <source>A re-key of this case (generation %1) failed verification. Someone with access to the server, or with a colleague&apos;s key, may be trying to swap the case&apos;s key for one they can read. Later re-keys are not followed. Tell your admin.</source>
        <translation>Једна промена кључа овог случаја (генерација %1) није прошла проверу. Неко ко има приступ серверу или кључу колеге можда покушава да замени кључ случаја оним који може да прочита. Касније промене кључа се не прате. Обавестите администратора.</translation>
    </message>
    <message>
        <source>This case was re-keyed (generation %1) and the new case key was not given to you. What you wrote now could not be read under the new key. Ask a colleague who holds it to share the case with you again.</source>
        <translation>Кључ овог случаја је промењен (генерација %1) и нови кључ случаја вам није дат. Оно што бисте сада написали не би могло да се прочита под новим кључем. Замолите колегу који га има да поново подели случај с вама.</translation>
    </message>
    <message>
        <source>The new case key of a re-key of this case (generation %1), as given to you, failed verification. Someone with access to the server may have changed it. Tell your admin.</source>
        <translation>Нови кључ случаја из једне промене кључа овог случаја (генерација %1), онакав какав вам је дат, није прошао проверу. Неко ко има приступ серверу можда га је изменио. Обавестите администратора.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>week of arrival</source>
        <translation>недеља пријема</translation>
    </message>
    <message>
        <source>day of arrival</source>
        <translation>дан пријема</translation>
    </message>
    <message>
        <source>month of arrival</source>
        <translation>месец пријема</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>label</source>
        <translation>ознака</translation>
    </message>
    <message>
        <source>country</source>
        <translation>држава</translation>
    </message>
    <message>
        <source>kind of incident</source>
        <translation>врста инцидента</translation>
    </message>
    <message>
        <source>Count cases by</source>
        <translation>Број случајева по</translation>
    </message>
    <message>
        <source>Chart of the counts</source>
        <translation>Графикон са бројем случајева</translation>
    </message>
    <message>
        <source>Counts (what an export contains)</source>
        <translation>Бројеви (садржај извоза)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Извези &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Извези &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Back to the cases</source>
        <translation>&amp;Назад на случајеве</translation>
    </message>
    <message>
        <source>Count cases &amp;by:</source>
        <translation>Број случајева &amp;по:</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>број случајева</translation>
    </message>
    <message>
        <source>Cases by %1</source>
        <translation>Број случајева — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in the list. Exports hold only these counts, never a case&apos;s text or id.</source>
        <translation>
            <numerusform>На списку је %n случај. Извоз садржи само ове бројеве, никада текст или ID случаја.</numerusform>
            <numerusform>На списку су %n случаја. Извоз садржи само ове бројеве, никада текст или ID случаја.</numerusform>
            <numerusform>На списку је %n случајева. Извоз садржи само ове бројеве, никада текст или ID случаја.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the counts</source>
        <translation>Извоз бројева</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Извезено у %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Није могуће уписати %1: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нема)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dojava Desk</source>
        <translation>Дојава Desk</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Напредак</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Откажи</translation>
    </message>
    <message>
        <source>Cancel the running operation</source>
        <translation>Откажи операцију која је у току</translation>
    </message>
    <message>
        <source>Starting tor…</source>
        <translation>Покреће се tor…</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Нова активност</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Главна трака</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Освежи</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Закључај</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Статистика</translation>
    </message>
    <message>
        <source>S&amp;hare all my cases…</source>
        <translation>Подели све моје с&amp;лучајеве…</translation>
    </message>
    <message numerus="yes">
        <source>Shared %n case(s);</source>
        <translation>
            <numerusform>Подељен је %n случај;</numerusform>
            <numerusform>Подељена су %n случаја;</numerusform>
            <numerusform>Подељено је %n случајева;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n the colleague had already.</source>
        <translation>
            <numerusform>Колега је већ имао: %n.</numerusform>
            <numerusform>Колега је већ имао: %n.</numerusform>
            <numerusform>Колега је већ имао: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not yours to share.</source>
        <translation>
            <numerusform>Нису ваши за дељење: %n.</numerusform>
            <numerusform>Нису ваши за дељење: %n.</numerusform>
            <numerusform>Нису ваши за дељење: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not shared: %1</source>
        <translation>Није подељено: %1</translation>
    </message>
    <message>
        <source>Case deleted.</source>
        <translation>Случај је обрисан.</translation>
    </message>
    <message>
        <source>Save the attachment in</source>
        <translation>Сачувај приложени фајл у</translation>
    </message>
    <message numerus="yes">
        <source>tor could not connect to the tor network in %n second(s). Check your network; where tor is blocked, ask your operator about bridges.</source>
        <translation>
            <numerusform>tor није успео да се повеже са мрежом Tor за %n секунду. Проверите своју мрежу; где је tor блокиран, питајте оператера за мостове (bridges).</numerusform>
            <numerusform>tor није успео да се повеже са мрежом Tor за %n секунде. Проверите своју мрежу; где је tor блокиран, питајте оператера за мостове (bridges).</numerusform>
            <numerusform>tor није успео да се повеже са мрежом Tor за %n секунди. Проверите своју мрежу; где је tor блокиран, питајте оператера за мостове (bridges).</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the tor network… %1%</source>
        <translation>Повезивање са мрежом Tor… %1%</translation>
    </message>
    <message>
        <source>No private folder for tor&apos;s keys.</source>
        <translation>Нема приватне фасцикле за кључеве tor-а.</translation>
    </message>
    <message>
        <source>Tor client key created.</source>
        <translation>Клијентски кључ за tor је направљен.</translation>
    </message>
    <message>
        <source>&amp;Check my setup</source>
        <translation>&amp;Провери моје подешавање</translation>
    </message>
    <message>
        <source>Please wait: another operation is running.</source>
        <translation>Сачекајте: у току је друга операција.</translation>
    </message>
    <message>
        <source>Setup checked.</source>
        <translation>Подешавање је проверено.</translation>
    </message>
    <message>
        <source>Dojava Desk — %1</source>
        <translation>Дојава Desk — %1</translation>
    </message>
    <message>
        <source>Unlocked as %1.</source>
        <translation>Откључано као %1.</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Закључано.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s).</source>
        <translation>
            <numerusform>%n случај.</numerusform>
            <numerusform>%n случаја.</numerusform>
            <numerusform>%n случајева.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not shared with you.</source>
        <translation>
            <numerusform>Није подељено са вама: %n.</numerusform>
            <numerusform>Није подељено са вама: %n.</numerusform>
            <numerusform>Није подељено са вама: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Case opened.</source>
        <translation>Случај је отворен.</translation>
    </message>
    <message>
        <source>Saved and verified: %1. Open it on a computer without network if you can.</source>
        <translation>Сачувано и проверено: %1. Ако можете, отворите га на рачунару без приступа мрежи.</translation>
    </message>
    <message>
        <source>Careful: this image still says where it was taken (GPS location). Clean it with mat2 before you share it.</source>
        <translation>Пажња: ова слика још показује где је снимљена (GPS локација). Очистите је помоћу mat2 пре него што је поделите.</translation>
    </message>
    <message>
        <source>Please wait: another operation is running (or Cancel it).</source>
        <translation>Сачекајте: у току је друга операција (или је откажите).</translation>
    </message>
    <message>
        <source>Stopped as you asked.</source>
        <translation>Заустављено на ваш захтев.</translation>
    </message>
    <message>
        <source>New activity in Dojava</source>
        <translation>Нова активност у Дојави</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unread messages. Refresh (F5) to see them.</source>
        <translation>
            <numerusform>%n случај са непрочитаним порукама. Освежите (F5) да бисте их видели.</numerusform>
            <numerusform>%n случаја са непрочитаним порукама. Освежите (F5) да бисте их видели.</numerusform>
            <numerusform>%n случајева са непрочитаним порукама. Освежите (F5) да бисте их видели.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unread messages.</source>
        <translation>
            <numerusform>%n случај са непрочитаним порукама.</numerusform>
            <numerusform>%n случаја са непрочитаним порукама.</numerusform>
            <numerusform>%n случајева са непрочитаним порукама.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your reviewer key is made.</source>
        <translation>Ваш кључ члана тима је направљен.</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>Create a new reviewer key</source>
        <translation>Направи нови кључ члана тима</translation>
    </message>
    <message>
        <source>Your reviewer key stays on this computer, in a file locked with a passphrase. The passphrase is all that protects the key if the file is ever copied: use the one suggested here (write it down and keep it apart from the computer) or a long one of your own.</source>
        <translation>Ваш кључ члана тима остаје на овом рачунару, у фајлу закључаном лозинком. Ако неко икада копира фајл, кључ штити само лозинка: користите ону коју вам овде предлажемо (запишите је и чувајте одвојено од рачунара) или своју дугачку лозинку.</translation>
    </message>
    <message>
        <source>New key file</source>
        <translation>Нови фајл са кључем</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Изабери…</translation>
    </message>
    <message>
        <source>Choose where to save the new key file</source>
        <translation>Изаберите где да се сачува нови фајл са кључем</translation>
    </message>
    <message>
        <source>Save the new key file as</source>
        <translation>Сачувај нови фајл са кључем као</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Нова лозинка</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Нова лозинка, поново</translation>
    </message>
    <message>
        <source>&amp;Suggest a passphrase</source>
        <translation>&amp;Предложи лозинку</translation>
    </message>
    <message>
        <source>Suggest a passphrase</source>
        <translation>Предложи лозинку</translation>
    </message>
    <message numerus="yes">
        <source>Accept a passphrase shorter than %n character(s) (not recommended)</source>
        <translation>
            <numerusform>Прихвати лозинку краћу од %n знака (не препоручује се)</numerusform>
            <numerusform>Прихвати лозинку краћу од %n знака (не препоручује се)</numerusform>
            <numerusform>Прихвати лозинку краћу од %n знакова (не препоручује се)</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Грешка</translation>
    </message>
    <message>
        <source>C&amp;reate the key</source>
        <translation>Направи &amp;кључ</translation>
    </message>
    <message>
        <source>Create the key</source>
        <translation>Направи кључ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Откажи</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Фајл са кључем:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Лозинка:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>П&amp;оново:</translation>
    </message>
    <message>
        <source>Your passphrase: %1
Write it down now; it is not shown again.</source>
        <translation>Ваша лозинка: %1
Запишите је сада; више се неће приказати.</translation>
    </message>
    <message>
        <source>Say where to save the key file.</source>
        <translation>Наведите где да се сачува фајл са кључем.</translation>
    </message>
    <message>
        <source>%1 already exists. The app never overwrites a key file: choose another name, or open that key instead.</source>
        <translation>%1 већ постоји. Апликација никада не преписује фајл са кључем: изаберите друго име или уместо тога отворите тај кључ.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same one twice.</source>
        <translation>Лозинке се разликују. Унесите исту лозинку два пута.</translation>
    </message>
    <message>
        <source>Type a passphrase, or let the app suggest one.</source>
        <translation>Унесите лозинку или нека вам је апликација предложи.</translation>
    </message>
    <message numerus="yes">
        <source>This passphrase is shorter than %n character(s). It is all that protects your key if the file is ever copied: use a longer one or the suggested one.</source>
        <translation>
            <numerusform>Ова лозинка је краћа од %n знака. Ако неко икада копира фајл, ваш кључ штити само она: користите дужу или предложену лозинку.</numerusform>
            <numerusform>Ова лозинка је краћа од %n знака. Ако неко икада копира фајл, ваш кључ штити само она: користите дужу или предложену лозинку.</numerusform>
            <numerusform>Ова лозинка је краћа од %n знакова. Ако неко икада копира фајл, ваш кључ штити само она: користите дужу или предложену лозинку.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OwnTor</name>
    <message>
        <source>tor could not be started: %1</source>
        <translation>tor није могуће покренути: %1</translation>
    </message>
    <message>
        <source>tor stopped (exit code %1).</source>
        <translation>tor се зауставио (излазни код %1).</translation>
    </message>
    <message>
        <source>tor is not installed (apt install tor), so the app cannot start it.</source>
        <translation>tor није инсталиран (apt install tor), па апликација не може да га покрене.</translation>
    </message>
    <message>
        <source>%1 cannot be created as a private folder.</source>
        <translation>%1 не може да се направи као приватна фасцикла.</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for tor.</source>
        <translation>Нема слободног порта на 127.0.0.1 за tor.</translation>
    </message>
    <message>
        <source>The extra tor settings file %1 cannot be used: it must be a file you can read and only you can change.</source>
        <translation>Фајл са додатним подешавањима за tor %1 не може да се користи: мора бити фајл који можете да читате и који само ви можете да мењате.</translation>
    </message>
    <message>
        <source>The extra tor settings file %1 cannot be used: it includes other files (%include), which the app cannot check. Put their lines in it instead.</source>
        <translation>Фајл са додатним подешавањима за tor %1 не може да се користи: укључује друге фајлове (%include), које апликација не може да провери. Уместо тога ставите њихове редове у њега.</translation>
    </message>
</context>
<context>
    <name>PlainError</name>
    <message>
        <source>The passphrase does not open this key file. Check the keyboard layout and Caps Lock and try again.</source>
        <translation>Лозинка не откључава овај фајл са кључем. Проверите распоред тастатуре и Caps Lock и покушајте поново.</translation>
    </message>
    <message>
        <source>Verification failed: what the server sent is not signed by your organisation&apos;s admin key, or a case key changed since you last opened the case. The server may have been tampered with. Do not rely on this data; tell your admin before you go on.</source>
        <translation>Провера није успела: оно што је сервер послао није потписано кључем администратора ваше организације, или се кључ случаја променио откако сте последњи пут отворили случај. Могуће је да је неко неовлашћено мењао сервер. Не ослањајте се на ове податке; обавестите администратора пре него што наставите.</translation>
    </message>
    <message>
        <source>Verification failed: the server shows an older list of reviewers than this computer saw before. Someone may be replaying old data. Tell your admin.</source>
        <translation>Провера није успела: сервер приказује старији списак чланова тима од оног који је овај рачунар већ видео. Могуће је да неко поново подмеће старе податке. Обавестите администратора.</translation>
    </message>
    <message>
        <source>Verification failed: the list of reviewers the server shows has expired or does not continue the one this computer saw before. Someone may be replaying old data. Tell your admin.</source>
        <translation>Провера није успела: списак чланова тима који сервер приказује је истекао или се не наставља на онај који је овај рачунар већ видео. Могуће је да неко поново подмеће старе податке. Обавестите администратора.</translation>
    </message>
    <message>
        <source>Verification failed: the case&apos;s records were changed, reordered or signed by someone no longer on the team. Do not rely on this data; tell your admin before you go on.</source>
        <translation>Провера није успела: записи случаја су измењени, испремештани или их је потписао неко ко више није у тиму. Не ослањајте се на ове податке; обавестите администратора пре него што наставите.</translation>
    </message>
    <message>
        <source>Verification failed: data from the server does not decrypt or authenticate. It was damaged or changed on the server. Nothing of it is shown as genuine; tell your admin.</source>
        <translation>Провера није успела: подаци са сервера не могу да се дешифрују или провере. Оштећени су или измењени на серверу. Ништа од тога није приказано као веродостојно; обавестите администратора.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address, that tor is running (for an onion address) and your network, then try again.</source>
        <translation>Сервер није доступан. Проверите адресу, да ли tor ради (за onion адресу) и своју мрежу, па покушајте поново.</translation>
    </message>
    <message>
        <source>Not allowed: your key is not on the reviewer list, this case was not shared with you, or a file has unsafe permissions. Send your public key line to the admin, or ask a colleague to grant the case.</source>
        <translation>Није дозвољено: ваш кључ није на списку чланова тима, овај случај није подељен са вама или неки фајл има небезбедне дозволе. Пошаљите администратору ред са својим јавним кључем или замолите колегу да подели случај са вама.</translation>
    </message>
    <message>
        <source>Not found: the case or file no longer exists, or the address is not the reviewer address of the server.</source>
        <translation>Није пронађено: случај или фајл више не постоји, или адреса није адреса сервера за чланове тима.</translation>
    </message>
    <message>
        <source>Something with this name already exists, or the server changed meanwhile. Choose another name or try again.</source>
        <translation>Нешто са овим именом већ постоји или се сервер у међувремену променио. Изаберите друго име или покушајте поново.</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full or it is busy: nothing was stored. Try again later; tell the operator if it lasts.</source>
        <translation>Диск сервера је пун или је сервер заузет: ништа није сачувано. Покушајте касније; ако то потраје, обавестите оператера.</translation>
    </message>
    <message>
        <source>The server&apos;s limit for this case is reached (too many messages, keys or file chunks). Nothing more can be added to it.</source>
        <translation>Достигнуто је ограничење сервера за овај случај (превише порука, кључева или делова фајлова). Ништа више не може да се дода.</translation>
    </message>
    <message>
        <source>This setting or input cannot be used.</source>
        <translation>Ово подешавање или унос не може да се користи.</translation>
    </message>
    <message>
        <source>Stopped as you asked.</source>
        <translation>Заустављено на ваш захтев.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Сервер је одбио захтев.</translation>
    </message>
    <message>
        <source>Details: </source>
        <translation>Детаљи: </translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Фасцикла</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Фајл</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 фајл</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Диск</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Тражи у:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Иди назад</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Напред</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Иди напред</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Надређена фасцикла</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Иди у надређену фасциклу</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Направи нову фасциклу</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Направи нову фасциклу</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Приказ листе</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Пребаци на приказ листе</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Детаљан приказ</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Пребаци на детаљан приказ</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Бочна трака</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Списак места и обележивача</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Фајлови</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Име фајла:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Фасцикла:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Фајлови типа:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Сви фајлови (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Фасцикле</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Отвори</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сачувај</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Изабери</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Преименуј</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Обриши</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Прикажи &amp;скривене фајлове</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Нова фасцикла</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Нова фасцикла</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Прикажи </translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 већ постоји.
Да ли желите да га замените?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Да ли сигурно желите да обришете &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; је заштићен од писања.
Да ли ипак желите да га обришете?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Фасцикла није могла да се обрише.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Фасцикла није пронађена.
Проверите да ли је име фасцикле тачно.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Фајл није пронађен.
Проверите да ли је име фајла тачно.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Отвори</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Пронађи фасциклу</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Сачувај као</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Име</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Величина</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Датум измене</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Рачунар</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Неисправно име фајла</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;Име &quot;%1&quot; не може да се користи.&lt;/b&gt;&lt;p&gt;Покушајте с другим именом, са мање знакова или без интерпункције.</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Опозови</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Понови</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Исе&amp;ци</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копирај</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Налепи</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Обриши</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Изабери све</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Прикажи детаље...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Сакриј детаље...</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Status set to %1</source>
        <translation>Статус је постављен на %1</translation>
    </message>
    <message>
        <source>Labels: +%1 -%2</source>
        <translation>Ознаке: +%1 −%2</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Додела је уклоњена</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Додељено: %1</translation>
    </message>
    <message>
        <source>(a message of a kind this version does not show: %1)</source>
        <translation>(порука врсте коју ова верзија не приказује: %1)</translation>
    </message>
    <message>
        <source>%1 cannot be read, so nothing was sent.</source>
        <translation>%1 не може да се прочита, па ништа није послато.</translation>
    </message>
    <message>
        <source>mat2 is not installed, so the metadata of %1 cannot be removed. Nothing was sent. Install mat2, or send the file without cleaning if you are sure it reveals nothing.</source>
        <translation>mat2 није инсталиран, па метаподаци из %1 не могу да се уклоне. Ништа није послато. Инсталирајте mat2 или пошаљите фајл без чишћења ако сте сигурни да ништа не открива.</translation>
    </message>
    <message>
        <source>mat2 could not remove the metadata of %1 (a format it does not know, or a damaged file). Nothing was sent. Send it without cleaning only if you are sure it reveals nothing.</source>
        <translation>mat2 није успео да уклони метаподатке из %1 (формат који не познаје или оштећен фајл). Ништа није послато. Пошаљите га без чишћења само ако сте сигурни да ништа не открива.</translation>
    </message>
    <message>
        <source>The cleaned copy of %1 could not be kept, so nothing was sent.</source>
        <translation>Очишћена копија фајла %1 није могла да се сачува, па ништа није послато.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Извор</translation>
    </message>
    <message>
        <source>This message failed verification and is not shown:</source>
        <translation>Ова порука није прошла проверу и није приказана:</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Прилог:</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Језик</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Прати језик система</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Грешка</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 B)</translation>
    </message>
    <message>
        <source>Delete this case?</source>
        <translation>Обрисати овај случај?</translation>
    </message>
    <message>
        <source>The case, its conversation, notes and files are deleted from the server for every reviewer. This cannot be undone.</source>
        <translation>Случај, његов разговор, белешке и фајлови бришу се са сервера за све чланове тима. Ово не може да се поништи.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Обриши трајно</translation>
    </message>
    <message>
        <source>Keep the case</source>
        <translation>Задржи случај</translation>
    </message>
    <message>
        <source>Share all my cases</source>
        <translation>Подели све моје случајеве</translation>
    </message>
    <message>
        <source>Give this colleague access to every case you hold (for a colleague who just joined):</source>
        <translation>Дајте овом колеги приступ свим случајевима које имате (за колегу који се управо придружио):</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>У реду</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сачувај</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Сачувај све</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Отвори</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Да</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Да за &amp;све</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Не</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Н&amp;е за све</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Прекини</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Покушај поново</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Занемари</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Затвори</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Откажи</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Одбаци</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Помоћ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Примени</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Ресетуј</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Врати подразумевано</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>Помери овде</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Лева ивица</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Врх</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Десна ивица</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Дно</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>Страница лево</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Страница горе</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>Страница десно</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Страница доле</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Помери лево</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Помери горе</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Помери десно</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Помери доле</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Опозови</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Понови</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Исе&amp;ци</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копирај</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Копирај адресу &amp;везе</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Налепи</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Обриши</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Изабери све</translation>
    </message>
</context>
<context>
    <name>ReportTerms</name>
    <message>
        <source>new</source>
        <translation>нов</translation>
    </message>
    <message>
        <source>triage</source>
        <translation>тријажа</translation>
    </message>
    <message>
        <source>investigating</source>
        <translation>у истрази</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>проверен</translation>
    </message>
    <message>
        <source>published</source>
        <translation>објављен</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>затворен</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Наслов</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Држава</translation>
    </message>
    <message>
        <source>What kind of incident</source>
        <translation>Врста инцидента</translation>
    </message>
    <message>
        <source>When did it happen</source>
        <translation>Када се то догодило</translation>
    </message>
    <message>
        <source>Who do you believe is responsible</source>
        <translation>Ко је по вашем мишљењу одговоран</translation>
    </message>
    <message>
        <source>Albania</source>
        <translation>Албанија</translation>
    </message>
    <message>
        <source>Bosnia and Herzegovina</source>
        <translation>Босна и Херцеговина</translation>
    </message>
    <message>
        <source>Kosovo</source>
        <translation>Косово</translation>
    </message>
    <message>
        <source>Montenegro</source>
        <translation>Црна Гора</translation>
    </message>
    <message>
        <source>North Macedonia</source>
        <translation>Северна Македонија</translation>
    </message>
    <message>
        <source>Serbia</source>
        <translation>Србија</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Друго</translation>
    </message>
    <message>
        <source>Spyware on a phone or computer</source>
        <translation>Шпијунски софтвер на телефону или рачунару</translation>
    </message>
    <message>
        <source>Interception of calls or messages</source>
        <translation>Пресретање позива или порука</translation>
    </message>
    <message>
        <source>Physical surveillance (being followed or watched)</source>
        <translation>Физички надзор (праћење, посматрање)</translation>
    </message>
    <message>
        <source>Requests for data (to a company or provider)</source>
        <translation>Захтеви за податке (компанији или провајдеру)</translation>
    </message>
    <message>
        <source>Website blocking</source>
        <translation>Блокирање сајтова</translation>
    </message>
    <message>
        <source>Content taken down</source>
        <translation>Уклањање садржаја</translation>
    </message>
    <message>
        <source>Internet shutdown</source>
        <translation>Гашење интернета</translation>
    </message>
    <message>
        <source>SLAPP or legal threat</source>
        <translation>SLAPP тужба или правна претња</translation>
    </message>
    <message>
        <source>Intimidation</source>
        <translation>Застрашивање</translation>
    </message>
    <message>
        <source>Disinformation campaign</source>
        <translation>Кампања дезинформација</translation>
    </message>
    <message>
        <source>State (government, police, services)</source>
        <translation>Држава (влада, полиција, службе)</translation>
    </message>
    <message>
        <source>Non-state (a company, a group, a person)</source>
        <translation>Неко ван државе (фирма, група, појединац)</translation>
    </message>
    <message>
        <source>I do not know</source>
        <translation>Не знам</translation>
    </message>
    <message>
        <source>Other country</source>
        <translation>Друга држава</translation>
    </message>
</context>
<context>
    <name>SetupCheckPage</name>
    <message>
        <source>&lt;h2&gt;Check my setup&lt;/h2&gt;&lt;p&gt;Every step between this computer and your cases, each with what to do when it fails. Your passphrase is needed to check that the roster lists your key.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Провера подешавања&lt;/h2&gt;&lt;p&gt;Сваки корак између овог рачунара и ваших случајева, сваки са упутством шта да радите ако не успе. Лозинка је потребна да би се проверило да ли се ваш кључ налази на списку чланова тима.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Passphrase for the check</source>
        <translation>Лозинка за проверу</translation>
    </message>
    <message>
        <source>&amp;Run the checks</source>
        <translation>&amp;Покрени провере</translation>
    </message>
    <message>
        <source>Run the checks</source>
        <translation>Покрени провере</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Results of the checks</source>
        <translation>Резултати провера</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Резултат</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Провера</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Пронађено</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Шта да радите</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Лозинка:</translation>
    </message>
    <message>
        <source>Checking… (reaching an onion service can take a minute)</source>
        <translation>Провера је у току… (повезивање са onion сервисом може да потраје минут)</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ у реду</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ није успело</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– прескочено</translation>
    </message>
    <message>
        <source>Everything checked works.</source>
        <translation>Све што је проверено ради.</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed: see what to do in the last column.</source>
        <translation>
            <numerusform>%n провера није успела: погледајте шта да радите у последњој колони.</numerusform>
            <numerusform>%n провере нису успеле: погледајте шта да радите у последњој колони.</numerusform>
            <numerusform>%n провера није успело: погледајте шта да радите у последњој колони.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>&lt;h2&gt;Welcome to Dojava Desk&lt;/h2&gt;&lt;p&gt;Tell the app where your reviewer key is and how to reach your organisation&apos;s Dojava server. Your admin gave you an onboarding file, or the address and the admin fingerprint.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Добро дошли у Дојава Desk&lt;/h2&gt;&lt;p&gt;Реците апликацији где је ваш кључ члана тима и како да дође до Дојава сервера ваше организације. Администратор вам је дао фајл за повезивање или адресу и отисак кључа администратора.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Фајл са кључем</translation>
    </message>
    <message>
        <source>/home/you/dojava-reviewer.key</source>
        <translation>/home/ime/dojava-reviewer.key</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Изабери…</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Изабери фајл са кључем</translation>
    </message>
    <message>
        <source>Your reviewer key file</source>
        <translation>Ваш фајл са кључем члана тима</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адреса сервера</translation>
    </message>
    <message>
        <source>http://….onion, http://127.0.0.1:PORT or unix:/path</source>
        <translation>http://….onion, http://127.0.0.1:PORT или unix:/путања</translation>
    </message>
    <message>
        <source>Tor SOCKS port</source>
        <translation>Tor SOCKS порт</translation>
    </message>
    <message>
        <source>127.0.0.1:9050 (for an onion address)</source>
        <translation>127.0.0.1:9050 (за onion адресу)</translation>
    </message>
    <message>
        <source>Admin fingerprint</source>
        <translation>Отисак кључа администратора</translation>
    </message>
    <message>
        <source>as your admin wrote it</source>
        <translation>онако како га је администратор записао</translation>
    </message>
    <message>
        <source>Open &amp;onboarding file…</source>
        <translation>Отвори фајл за &amp;повезивање…</translation>
    </message>
    <message>
        <source>Open the onboarding file from your admin</source>
        <translation>Отвори фајл за повезивање који сте добили од администратора</translation>
    </message>
    <message>
        <source>The onboarding file from your admin</source>
        <translation>Фајл за повезивање од вашег администратора</translation>
    </message>
    <message>
        <source>Start my own &amp;tor (recommended: no tor setup needed)</source>
        <translation>Покрени сопствени &amp;tor (препоручено, без подешавања)</translation>
    </message>
    <message>
        <source>Create my tor client &amp;key</source>
        <translation>Направи мој клијентски &amp;кључ за tor</translation>
    </message>
    <message>
        <source>Create my tor client key</source>
        <translation>Направи мој клијентски кључ за tor</translation>
    </message>
    <message>
        <source>Your tor client key, public part</source>
        <translation>Ваш клијентски кључ за tor, јавни део</translation>
    </message>
    <message>
        <source>The reviewer address is protected by tor client authorization: create your key here and send its public part, with your public key line, to your operator.</source>
        <translation>Адреса за чланове тима заштићена је клијентском ауторизацијом tor-а: овде направите свој кључ и пошаљите његов јавни део, заједно са редом свог јавног кључа, оператеру.</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Фајл са кључем:</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>Адреса &amp;сервера:</translation>
    </message>
    <message>
        <source>&amp;Tor SOCKS port:</source>
        <translation>&amp;Tor SOCKS порт:</translation>
    </message>
    <message>
        <source>Admin &amp;fingerprint:</source>
        <translation>Отисак кључа &amp;администратора:</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Настави</translation>
    </message>
    <message>
        <source>Save these settings and continue</source>
        <translation>Сачувај ова подешавања и настави</translation>
    </message>
    <message>
        <source>Send this public line to your operator (read its first and last characters to them by phone). The private part is in %1, where the app&apos;s own tor uses it; with another tor, copy that file into the folder its ClientOnionAuthDir names.</source>
        <translation>Пошаљите овај јавни ред оператеру (прочитајте му телефоном његове прве и последње знакове). Приватни део је у %1, где га користи сопствени tor апликације; са другим tor-ом копирајте тај фајл у фасциклу коју наводи његов ClientOnionAuthDir.</translation>
    </message>
    <message>
        <source>%1 is not an onboarding file from a Dojava admin: %2</source>
        <translation>%1 није фајл за повезивање од администратора Дојаве: %2</translation>
    </message>
    <message>
        <source>Onboarding file read.</source>
        <translation>Фајл за повезивање је прочитан.</translation>
    </message>
    <message>
        <source>Onboarding file of %1 read.</source>
        <translation>Фајл за повезивање за %1 је прочитан.</translation>
    </message>
    <message>
        <source>The server address and admin fingerprint are filled in; on first contact the app pins the admin key with this fingerprint and refuses any other.</source>
        <translation>Адреса сервера и отисак кључа администратора су попуњени; при првом контакту апликација памти кључ администратора са овим отиском и одбија сваки други.</translation>
    </message>
    <message>
        <source>Fill in the key file, the server address and the admin fingerprint.</source>
        <translation>Попуните фајл са кључем, адресу сервера и отисак кључа администратора.</translation>
    </message>
    <message>
        <source>An onion address is reached through tor: give tor&apos;s SOCKS port (usually 127.0.0.1:9050, or 127.0.0.1:9150 with Tor Browser).</source>
        <translation>До onion адресе стиже се преко tor-а: унесите SOCKS порт tor-а (обично 127.0.0.1:9050, или 127.0.0.1:9150 уз Tor Browser).</translation>
    </message>
    <message>
        <source>Create a &amp;new key…</source>
        <translation>Направи &amp;нови кључ…</translation>
    </message>
    <message>
        <source>Create a new reviewer key</source>
        <translation>Направи нови кључ члана тима</translation>
    </message>
    <message>
        <source>Your public key line</source>
        <translation>Ред са вашим јавним кључем</translation>
    </message>
    <message>
        <source>Cop&amp;y the public line</source>
        <translation>Коп&amp;ирај јавни ред</translation>
    </message>
    <message>
        <source>Copy your public key line</source>
        <translation>Копирај ред са својим јавним кључем</translation>
    </message>
    <message>
        <source>Copy &amp;both lines for the admin</source>
        <translation>Копирај &amp;оба реда за администратора</translation>
    </message>
    <message>
        <source>Copy your public key line and tor client key together</source>
        <translation>Копирај заједно ред са јавним кључем и клијентски кључ за tor</translation>
    </message>
    <message>
        <source>Your key is made and saved in %1 (only you can read it). Send the public line above to your admin, who adds you to the roster; it is also in %1.pub. It is not secret, but check it with your admin by phone: its first and last characters are enough.</source>
        <translation>Ваш кључ је направљен и сачуван у %1 (само ви можете да га читате). Пошаљите горњи јавни ред администратору, који вас додаје на списак чланова тима; налази се и у %1.пуб. Није тајан, али га проверите са администратором телефоном: довољни су његови први и последњи знакови.</translation>
    </message>
    <message>
        <source>My Dojava reviewer public key line:</source>
        <translation>Мој ред са јавним кључем члана тима (Дојава):</translation>
    </message>
    <message>
        <source>My tor client key (public part) for the reviewer address:</source>
        <translation>Мој клијентски кључ за tor (јавни део) за адресу за чланове тима:</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>&lt;h2&gt;Unlock Dojava Desk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Откључајте Дојава Desk&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Лозинка</translation>
    </message>
    <message>
        <source>the passphrase of your key file</source>
        <translation>лозинка вашег фајла са кључем</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Откључај</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Откључавање</translation>
    </message>
    <message>
        <source>Change &amp;settings…</source>
        <translation>Промени &amp;подешавања…</translation>
    </message>
    <message>
        <source>Change the server settings</source>
        <translation>Промени подешавања сервера</translation>
    </message>
    <message>
        <source>Check my &amp;setup…</source>
        <translation>Провери моје по&amp;дешавање…</translation>
    </message>
    <message>
        <source>Check my setup</source>
        <translation>Провери моје подешавање</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Лозинка:</translation>
    </message>
    <message>
        <source>Server: %1
Your key stays on this computer; it is unlocked in memory only and locked again when you leave the app idle.</source>
        <translation>Сервер: %1
Ваш кључ остаје на овом рачунару; откључан је само у меморији и поново се закључава када апликацију оставите неактивну.</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Унесите лозинку.</translation>
    </message>
</context>
</TS>
