<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="mk">
<context>
    <name>Backend</name>
    <message>
        <source>Locked</source>
        <translation>Заклучено</translation>
    </message>
    <message>
        <source>Dojava Desk is locked. Unlock it with your passphrase.</source>
        <translation>Дојава Desk е заклучен. Отклучете го со својата лозинка.</translation>
    </message>
    <message>
        <source>Unlocking and checking the server…</source>
        <translation>Се отклучува и се проверува серверот…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Отклучување</translation>
    </message>
    <message>
        <source>Opening your cases…</source>
        <translation>Се отвораат вашите случаи…</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>Список на случаи</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Отворање на случај</translation>
    </message>
    <message>
        <source>Opening the case…</source>
        <translation>Се отвора случајот…</translation>
    </message>
    <message>
        <source>Adding the note…</source>
        <translation>Се додава белешката…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Белешка</translation>
    </message>
    <message>
        <source>Note added (only your team sees it).</source>
        <translation>Белешката е додадена (ја гледа само вашиот тим).</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Changing the status…</source>
        <translation>Се менува статусот…</translation>
    </message>
    <message>
        <source>Status set to %1.</source>
        <translation>Статусот е поставен на %1.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Ознака</translation>
    </message>
    <message>
        <source>Adding the label…</source>
        <translation>Се додава ознаката…</translation>
    </message>
    <message>
        <source>Label added.</source>
        <translation>Ознаката е додадена.</translation>
    </message>
    <message>
        <source>Assigning…</source>
        <translation>Се доделува…</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Доделување</translation>
    </message>
    <message>
        <source>Unassigned.</source>
        <translation>Доделувањето е отстрането.</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>Доделено на: %1.</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Се презема…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Преземање</translation>
    </message>
    <message>
        <source>Sending the reply…</source>
        <translation>Се испраќа одговорот…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Одговор</translation>
    </message>
    <message>
        <source>No private temporary folder for the cleaned copies.</source>
        <translation>Нема приватна привремена папка за исчистените копии.</translation>
    </message>
    <message>
        <source>Encrypting and sending %1…</source>
        <translation>Се шифрира и се испраќа %1…</translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation>Одговорот е испратен.</translation>
    </message>
    <message numerus="yes">
        <source>Reply sent with %n file(s).</source>
        <translation>
            <numerusform>Одговорот е испратен со %n датотека.</numerusform>
            <numerusform>Одговорот е испратен со %n датотеки.</numerusform>
            <numerusform>Одговорот е испратен со %n датотеки.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sharing the case…</source>
        <translation>Се споделува случајот…</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Споделување</translation>
    </message>
    <message>
        <source>%1 already had access to this case.</source>
        <translation>%1 веќе има пристап до овој случај.</translation>
    </message>
    <message>
        <source>%1 can now read this case.</source>
        <translation>%1 сега може да го чита овој случај.</translation>
    </message>
    <message>
        <source>Sharing all your cases with %1…</source>
        <translation>Сите ваши случаи се споделуваат со членот на тимот %1…</translation>
    </message>
    <message>
        <source>Grant all</source>
        <translation>Споделување на сите случаи</translation>
    </message>
    <message>
        <source>Deleting the case…</source>
        <translation>Се брише случајот…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Бришење</translation>
    </message>
    <message>
        <source>Checking for new activity</source>
        <translation>Проверка за нова активност</translation>
    </message>
    <message>
        <source>Checking your setup…</source>
        <translation>Се проверуваат вашите поставки…</translation>
    </message>
    <message>
        <source>Creating your tor client key…</source>
        <translation>Се создава вашиот клиентски клуч за tor…</translation>
    </message>
    <message>
        <source>Tor client key</source>
        <translation>Клиентски клуч за tor</translation>
    </message>
    <message>
        <source>No key was made: %1</source>
        <translation>Не е создаден клуч: %1</translation>
    </message>
    <message>
        <source>Creating your reviewer key (this takes a few seconds)…</source>
        <translation>Се создава вашиот клуч како член на тимот (трае неколку секунди)…</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Нов клуч</translation>
    </message>
    <message>
        <source>%1 already exists. The app never overwrites a key file: choose another name, or open that key instead.</source>
        <translation>%1 веќе постои. Апликацијата никогаш не презапишува датотека со клуч: изберете друго име или наместо тоа отворете го тој клуч.</translation>
    </message>
    <message>
        <source>Sealing your case keys to your new encryption key…</source>
        <translation>Клучевите на вашите случаи се заклучуваат со вашиот нов клуч за шифрирање…</translation>
    </message>
    <message>
        <source>Your case keys could not be sealed to your new encryption key yet (the app tries again at the next unlock): %1</source>
        <translation>Клучевите на вашите случаи сѐ уште не можеа да се заклучат со вашиот нов клуч за шифрирање (апликацијата се обидува повторно при следното отклучување): %1</translation>
    </message>
    <message numerus="yes">
        <source>Your new encryption key is on the roster: %n key(s) of your cases are now sealed to it.</source>
        <translation>
            <numerusform>Вашиот нов клуч за шифрирање е на списокот на членови на тимот: %n клуч на вашите случаи сега е заклучен со него.</numerusform>
            <numerusform>Вашиот нов клуч за шифрирање е на списокот на членови на тимот: %n клучеви на вашите случаи сега се заклучени со него.</numerusform>
            <numerusform>Вашиот нов клуч за шифрирање е на списокот на членови на тимот: %n клучеви на вашите случаи сега се заклучени со него.</numerusform>
        </translation>
    </message>
    <message>
        <source>The old key file %1 is destroyed.</source>
        <translation>Старата датотека со клуч %1 е уништена.</translation>
    </message>
    <message>
        <source>Not sealed again yet (the old key is kept until they are): %1</source>
        <translation>Сѐ уште не се повторно заклучени (стариот клуч се чува додека не бидат): %1</translation>
    </message>
    <message>
        <source>Logging in again…</source>
        <translation>Повторно најавување…</translation>
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
        <translation>Вид</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Ознаки</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Доделено на</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Последна активност</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Датотеки</translation>
    </message>
    <message>
        <source>Search in the cases&apos; text</source>
        <translation>Пребарување во текстот на случаите</translation>
    </message>
    <message>
        <source>Search in the decrypted text (Ctrl+F)</source>
        <translation>Пребарајте во дешифрираниот текст (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show cases with status</source>
        <translation>Прикажи случаи со статус</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Сите статуси</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Случаи</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Пребарај:</translation>
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
        <translation>Предупредување за проверката</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Пријава</translation>
    </message>
    <message>
        <source>Conversation with the source</source>
        <translation>Разговор со изворот</translation>
    </message>
    <message>
        <source>Internal notes, not seen by the source</source>
        <translation>Внатрешни белешки, изворот не ги гледа</translation>
    </message>
    <message>
        <source>Reply to the source</source>
        <translation>Одговор до изворот</translation>
    </message>
    <message>
        <source>Reply to the source (the source will read this)</source>
        <translation>Одговор до изворот (изворот ќе го прочита ова)</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Внатрешна белешка</translation>
    </message>
    <message>
        <source>Internal note (only your team sees this)</source>
        <translation>Внатрешна белешка (ја гледа само вашиот тим)</translation>
    </message>
    <message>
        <source>Send &amp;reply</source>
        <translation>Испрати &amp;одговор</translation>
    </message>
    <message>
        <source>Send the reply to the source</source>
        <translation>Испрати го одговорот до изворот</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Додај &amp;белешка</translation>
    </message>
    <message>
        <source>Add the internal note</source>
        <translation>Додај ја внатрешната белешка</translation>
    </message>
    <message>
        <source>Internal notes — the source never sees these</source>
        <translation>Внатрешни белешки — изворот никогаш не ги гледа</translation>
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
        <translation>Постави го статусот</translation>
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
        <translation>Додај о&amp;знака</translation>
    </message>
    <message>
        <source>Add the label</source>
        <translation>Додај ја ознаката</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Доделено на</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Додели</translation>
    </message>
    <message>
        <source>Assign the case</source>
        <translation>Додели го случајот</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Приложени датотеки</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Преземи…</translation>
    </message>
    <message>
        <source>Download the chosen attachment</source>
        <translation>Преземи ја избраната датотека</translation>
    </message>
    <message>
        <source>Colleague to share the case with</source>
        <translation>Колега со кого го споделувате случајот</translation>
    </message>
    <message>
        <source>&amp;Share with</source>
        <translation>&amp;Сподели со</translation>
    </message>
    <message>
        <source>Share the case with the colleague</source>
        <translation>Сподели го случајот со колегата</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>Избриши го случајот…</translation>
    </message>
    <message>
        <source>Delete the case for good</source>
        <translation>Трајно избриши го случајот</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>никој</translation>
    </message>
    <message>
        <source>me (%1)</source>
        <translation>јас (%1)</translation>
    </message>
    <message>
        <source>Files to send with the reply</source>
        <translation>Датотеки што одат со одговорот</translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation>Приложи &amp;датотека…</translation>
    </message>
    <message>
        <source>Attach a file to the reply</source>
        <translation>Приложи датотека кон одговорот</translation>
    </message>
    <message>
        <source>A file to send to the source</source>
        <translation>Датотека за испраќање до изворот</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Отстрани</translation>
    </message>
    <message>
        <source>Remove the chosen file</source>
        <translation>Отстрани ја избраната датотека</translation>
    </message>
    <message>
        <source>Remove metadata with mat2 before sending</source>
        <translation>Отстрани ги метаподатоците со mat2</translation>
    </message>
    <message>
        <source>Warning about the attached files</source>
        <translation>Предупредување за приложените датотеки</translation>
    </message>
    <message>
        <source>mat2 is not installed: these files are sent as they are, with their metadata (author, device, dates, and for photos often the place). Install mat2 to remove it.</source>
        <translation>mat2 не е инсталиран: овие датотеки се испраќаат такви какви што се, со своите метаподатоци (автор, уред, датуми, а кај фотографиите често и местото). Инсталирајте mat2 за да ги отстраните.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 не може да се прочита.</translation>
    </message>
    <message>
        <source>%1 holds location data (GPS): where the photo was taken. Keep &quot;Remove metadata&quot; on.</source>
        <translation>%1 содржи податоци за локацијата (GPS): каде е снимена фотографијата. Оставете го вклучено „Отстрани ги метаподатоците“.</translation>
    </message>
    <message>
        <source>%1 holds location data (GPS): it shows where the photo was taken.  Do not send it like this.</source>
        <translation>%1 содржи податоци за локацијата (GPS): покажува каде е снимена фотографијата. Не ја испраќајте вака.</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>статус: %1</translation>
    </message>
    <message>
        <source>no labels</source>
        <translation>без ознаки</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>недоделено</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>доделено на: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of this case failed verification: they were changed or damaged on the server and are not shown. </source>
        <translation>
            <numerusform>%n порака од овој случај не помина проверка: изменета е или оштетена на серверот и не е прикажана. </numerusform>
            <numerusform>%n пораки од овој случај не поминаа проверка: изменети се или оштетени на серверот и не се прикажани. </numerusform>
            <numerusform>%n пораки од овој случај не поминаа проверка: изменети се или оштетени на серверот и не се прикажани. </numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#777&apos;&gt;No notes yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Сѐ уште нема белешки.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No case open&lt;/h3&gt;Choose a case from the list.</source>
        <translation>&lt;h3&gt;Нема отворен случај&lt;/h3&gt;Изберете случај од списокот.</translation>
    </message>
    <message>
        <source>%1. %2  (%3 bytes, %4)</source>
        <translation>%1. %2  (%3 B, %4)</translation>
    </message>
    <message>
        <source>Do not trust this case. Its first message (the source&apos;s report) or the order of its messages failed verification: someone with access to the server may have swapped the case&apos;s key and could read anything written here. Replies and notes are switched off for this case; tell your admin. </source>
        <translation>Не верувајте му на овој случај. Неговата прва порака (пријавата на изворот) или редоследот на неговите пораки не помина проверка: некој со пристап до серверот можеби го заменил клучот на случајот и би можел да прочита сѐ што ќе се напише тука. Одговорите и белешките се исклучени за овој случај; известете го администраторот. </translation>
    </message>
    <message>
        <source>%1. %2  (%3 bytes)</source>
        <translation>%1. %2  (%3 B)</translation>
    </message>
    <message>
        <source>Warning about the source&apos;s key</source>
        <translation>Предупредување за клучот на изворот</translation>
    </message>
    <message>
        <source>The server&apos;s key for the source of this case is not the one in the source&apos;s signed report. Someone with access to the server may have swapped it, to read what a re-key would send the source. Do not re-key this case; tell your admin. Reading and replying stay possible: the case&apos;s own key is not in question.</source>
        <translation>Клучот на изворот на овој случај што го дава серверот не е оној од потпишаната пријава на изворот. Некој со пристап до серверот можеби го заменил за да прочита што би му испратила на изворот промената на клучот на случајот. Не менувајте го клучот на овој случај; известете го администраторот. Читањето и одговарањето остануваат можни: самиот клуч на случајот не е доведен во прашање.</translation>
    </message>
    <message>
        <source>Warning about the case&apos;s re-keys</source>
        <translation>Предупредување за промените на клучот на случајот</translation>
    </message>
    <message>
        <source>A re-key of this case could not be read and was skipped (generation %1). Someone with access to the server, or with a colleague&apos;s key, may have stored a damaged one. </source>
        <translation>Една промена на клучот на овој случај не можеше да се прочита и е прескокната (генерација %1). Некој со пристап до серверот или до клучот на колега можеби зачувал оштетена. </translation>
    </message>
    <message>
        <source> Replies, notes and status changes are switched off for this case; reading stays possible.</source>
        <translation> Одговорите, белешките и промените на статусот се исклучени за овој случај; читањето е и понатаму можно.</translation>
    </message>
    <message>
        <source>It is ignored: replies and notes go on under the last case key that could be followed. Tell your admin if it happens again.</source>
        <translation>Таа е занемарена: одговорите и белешките продолжуваат под последниот клуч на случајот што можеше да се следи. Известете го администраторот ако се повтори.</translation>
    </message>
    <message>
        <source>The server lists the re-keys of this case out of order. Someone with access to the server may be hiding or replaying one. Tell your admin.</source>
        <translation>Серверот ги наведува промените на клучот на овој случај по погрешен редослед. Некој со пристап до серверот можеби крие или повторува некоја. Известете го администраторот.</translation>
    </message>
    <message>
        <source>A re-key of this case (generation %1) failed verification. Someone with access to the server, or with a colleague&apos;s key, may be trying to swap the case&apos;s key for one they can read. Later re-keys are not followed. Tell your admin.</source>
        <translation>Една промена на клучот на овој случај (генерација %1) не помина проверка. Некој со пристап до серверот или до клучот на колега можеби се обидува да го замени клучот на случајот со клуч што може да го прочита. Подоцнежните промени на клучот не се следат. Известете го администраторот.</translation>
    </message>
    <message>
        <source>This case was re-keyed (generation %1) and the new case key was not given to you. What you wrote now could not be read under the new key. Ask a colleague who holds it to share the case with you again.</source>
        <translation>Клучот на овој случај е променет (генерација %1) и новиот клуч на случајот не ви е даден. Она што би го напишале сега не би можело да се прочита под новиот клуч. Замолете колега што го има повторно да го сподели случајот со вас.</translation>
    </message>
    <message>
        <source>The new case key of a re-key of this case (generation %1), as given to you, failed verification. Someone with access to the server may have changed it. Tell your admin.</source>
        <translation>Новиот клуч на случајот од една промена на клучот на овој случај (генерација %1), таков каков што ви е даден, не помина проверка. Некој со пристап до серверот можеби го изменил. Известете го администраторот.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>week of arrival</source>
        <translation>недела на пристигнување</translation>
    </message>
    <message>
        <source>day of arrival</source>
        <translation>ден на пристигнување</translation>
    </message>
    <message>
        <source>month of arrival</source>
        <translation>месец на пристигнување</translation>
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
        <translation>вид на инцидент</translation>
    </message>
    <message>
        <source>Count cases by</source>
        <translation>Број на случаи според</translation>
    </message>
    <message>
        <source>Chart of the counts</source>
        <translation>Графикон на бројките</translation>
    </message>
    <message>
        <source>Counts (what an export contains)</source>
        <translation>Бројки (што содржи извозот)</translation>
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
        <translation>&amp;Назад кон случаите</translation>
    </message>
    <message>
        <source>Count cases &amp;by:</source>
        <translation>Број на случаи &amp;според:</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>број на случаи</translation>
    </message>
    <message>
        <source>Cases by %1</source>
        <translation>Случаи според: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in the list. Exports hold only these counts, never a case&apos;s text or id.</source>
        <translation>
            <numerusform>Во списокот има %n случај. Извозите содржат само овие бројки, никогаш текст или ID на случај.</numerusform>
            <numerusform>Во списокот има %n случаи. Извозите содржат само овие бројки, никогаш текст или ID на случај.</numerusform>
            <numerusform>Во списокот има %n случаи. Извозите содржат само овие бројки, никогаш текст или ID на случај.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the counts</source>
        <translation>Извези ги бројките</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Извезено во %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 не може да се запише: %2</translation>
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
        <translation>Напредок</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Откажи</translation>
    </message>
    <message>
        <source>Cancel the running operation</source>
        <translation>Откажи ја операцијата што е во тек</translation>
    </message>
    <message>
        <source>Starting tor…</source>
        <translation>Се стартува tor…</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Нова активност</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Главна лента</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Освежи</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заклучи</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Статистика</translation>
    </message>
    <message>
        <source>S&amp;hare all my cases…</source>
        <translation>Сп&amp;одели ги сите мои случаи…</translation>
    </message>
    <message numerus="yes">
        <source>Shared %n case(s);</source>
        <translation>
            <numerusform>Споделени случаи: %n;</numerusform>
            <numerusform>Споделени случаи: %n;</numerusform>
            <numerusform>Споделени случаи: %n;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n the colleague had already.</source>
        <translation>
            <numerusform>Колегата веќе ги имаше: %n.</numerusform>
            <numerusform>Колегата веќе ги имаше: %n.</numerusform>
            <numerusform>Колегата веќе ги имаше: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not yours to share.</source>
        <translation>
            <numerusform>Не се ваши за споделување: %n.</numerusform>
            <numerusform>Не се ваши за споделување: %n.</numerusform>
            <numerusform>Не се ваши за споделување: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not shared: %1</source>
        <translation>Не се споделени: %1</translation>
    </message>
    <message>
        <source>Case deleted.</source>
        <translation>Случајот е избришан.</translation>
    </message>
    <message>
        <source>Save the attachment in</source>
        <translation>Зачувај ја приложената датотека во</translation>
    </message>
    <message numerus="yes">
        <source>tor could not connect to the tor network in %n second(s). Check your network; where tor is blocked, ask your operator about bridges.</source>
        <translation>
            <numerusform>tor не успеа да се поврзе со мрежата Tor за %n секунда. Проверете ја вашата мрежа; каде што tor е блокиран, прашајте го операторот за мостови (bridges).</numerusform>
            <numerusform>tor не успеа да се поврзе со мрежата Tor за %n секунди. Проверете ја вашата мрежа; каде што tor е блокиран, прашајте го операторот за мостови (bridges).</numerusform>
            <numerusform>tor не успеа да се поврзе со мрежата Tor за %n секунди. Проверете ја вашата мрежа; каде што tor е блокиран, прашајте го операторот за мостови (bridges).</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the tor network… %1%</source>
        <translation>Поврзување со мрежата Tor… %1%</translation>
    </message>
    <message>
        <source>No private folder for tor&apos;s keys.</source>
        <translation>Нема приватна папка за клучевите на tor.</translation>
    </message>
    <message>
        <source>Tor client key created.</source>
        <translation>Клиентскиот клуч за tor е создаден.</translation>
    </message>
    <message>
        <source>&amp;Check my setup</source>
        <translation>&amp;Провери ги моите поставки</translation>
    </message>
    <message>
        <source>Please wait: another operation is running.</source>
        <translation>Почекајте: во тек е друга операција.</translation>
    </message>
    <message>
        <source>Setup checked.</source>
        <translation>Поставките се проверени.</translation>
    </message>
    <message>
        <source>Dojava Desk — %1</source>
        <translation>Дојава Desk — %1</translation>
    </message>
    <message>
        <source>Unlocked as %1.</source>
        <translation>Отклучено како %1.</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Заклучено.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s).</source>
        <translation>
            <numerusform>Случаи: %n.</numerusform>
            <numerusform>Случаи: %n.</numerusform>
            <numerusform>Случаи: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not shared with you.</source>
        <translation>
            <numerusform>Не се споделени со вас: %n.</numerusform>
            <numerusform>Не се споделени со вас: %n.</numerusform>
            <numerusform>Не се споделени со вас: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Case opened.</source>
        <translation>Случајот е отворен.</translation>
    </message>
    <message>
        <source>Saved and verified: %1. Open it on a computer without network if you can.</source>
        <translation>Зачувано и проверено: %1. Ако можете, отворете ја на компјутер без мрежа.</translation>
    </message>
    <message>
        <source>Careful: this image still says where it was taken (GPS location). Clean it with mat2 before you share it.</source>
        <translation>Внимание: оваа слика сѐ уште покажува каде е снимена (GPS-локација). Исчистете ја со mat2 пред да ја споделите.</translation>
    </message>
    <message>
        <source>Please wait: another operation is running (or Cancel it).</source>
        <translation>Почекајте: во тек е друга операција (или откажете ја).</translation>
    </message>
    <message>
        <source>Stopped as you asked.</source>
        <translation>Запрено како што побаравте.</translation>
    </message>
    <message>
        <source>New activity in Dojava</source>
        <translation>Нова активност во Дојава</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unread messages. Refresh (F5) to see them.</source>
        <translation>
            <numerusform>Случаи со непрочитани пораки: %n. Освежете (F5) за да ги видите.</numerusform>
            <numerusform>Случаи со непрочитани пораки: %n. Освежете (F5) за да ги видите.</numerusform>
            <numerusform>Случаи со непрочитани пораки: %n. Освежете (F5) за да ги видите.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unread messages.</source>
        <translation>
            <numerusform>Случаи со непрочитани пораки: %n.</numerusform>
            <numerusform>Случаи со непрочитани пораки: %n.</numerusform>
            <numerusform>Случаи со непрочитани пораки: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your reviewer key is made.</source>
        <translation>Вашиот клуч како член на тимот е создаден.</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>Create a new reviewer key</source>
        <translation>Создај нов клуч како член на тимот</translation>
    </message>
    <message>
        <source>Your reviewer key stays on this computer, in a file locked with a passphrase. The passphrase is all that protects the key if the file is ever copied: use the one suggested here (write it down and keep it apart from the computer) or a long one of your own.</source>
        <translation>Вашиот клуч како член на тимот останува на овој компјутер, во датотека заклучена со лозинка. Ако датотеката некогаш се копира, клучот го штити само лозинката: користете ја онаа што ви ја предлагаме тука (запишете ја и чувајте ја одделно од компјутерот) или своја долга лозинка.</translation>
    </message>
    <message>
        <source>New key file</source>
        <translation>Нова датотека со клуч</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Прелистај…</translation>
    </message>
    <message>
        <source>Choose where to save the new key file</source>
        <translation>Изберете каде да се зачува новата датотека со клуч</translation>
    </message>
    <message>
        <source>Save the new key file as</source>
        <translation>Зачувај ја новата датотека со клуч како</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Нова лозинка</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Нова лозинка, повторно</translation>
    </message>
    <message>
        <source>&amp;Suggest a passphrase</source>
        <translation>&amp;Предложи лозинка</translation>
    </message>
    <message>
        <source>Suggest a passphrase</source>
        <translation>Предложи лозинка</translation>
    </message>
    <message numerus="yes">
        <source>Accept a passphrase shorter than %n character(s) (not recommended)</source>
        <translation>
            <numerusform>Прифати лозинка пократка од %n знак (не се препорачува)</numerusform>
            <numerusform>Прифати лозинка пократка од %n знаци (не се препорачува)</numerusform>
            <numerusform>Прифати лозинка пократка од %n знаци (не се препорачува)</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Грешка</translation>
    </message>
    <message>
        <source>C&amp;reate the key</source>
        <translation>Созд&amp;ај го клучот</translation>
    </message>
    <message>
        <source>Create the key</source>
        <translation>Создај го клучот</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Откажи</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>Датотека со &amp;клуч:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Лозинка:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>По&amp;вторно:</translation>
    </message>
    <message>
        <source>Your passphrase: %1
Write it down now; it is not shown again.</source>
        <translation>Вашата лозинка: %1
Запишете ја сега; нема повторно да се прикаже.</translation>
    </message>
    <message>
        <source>Say where to save the key file.</source>
        <translation>Кажете каде да се зачува датотеката со клуч.</translation>
    </message>
    <message>
        <source>%1 already exists. The app never overwrites a key file: choose another name, or open that key instead.</source>
        <translation>%1 веќе постои. Апликацијата никогаш не презапишува датотека со клуч: изберете друго име или наместо тоа отворете го тој клуч.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same one twice.</source>
        <translation>Двете лозинки се разликуваат. Внесете ја истата двапати.</translation>
    </message>
    <message>
        <source>Type a passphrase, or let the app suggest one.</source>
        <translation>Внесете лозинка или оставете апликацијата да ви предложи.</translation>
    </message>
    <message numerus="yes">
        <source>This passphrase is shorter than %n character(s). It is all that protects your key if the file is ever copied: use a longer one or the suggested one.</source>
        <translation>
            <numerusform>Оваа лозинка е пократка од %n знак. Ако датотеката некогаш се копира, само таа го штити вашиот клуч: користете подолга или предложената.</numerusform>
            <numerusform>Оваа лозинка е пократка од %n знаци. Ако датотеката некогаш се копира, само таа го штити вашиот клуч: користете подолга или предложената.</numerusform>
            <numerusform>Оваа лозинка е пократка од %n знаци. Ако датотеката некогаш се копира, само таа го штити вашиот клуч: користете подолга или предложената.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OwnTor</name>
    <message>
        <source>tor could not be started: %1</source>
        <translation>tor не може да се стартува: %1</translation>
    </message>
    <message>
        <source>tor stopped (exit code %1).</source>
        <translation>tor запре (излезен код %1).</translation>
    </message>
    <message>
        <source>tor is not installed (apt install tor), so the app cannot start it.</source>
        <translation>tor не е инсталиран (apt install tor), па апликацијата не може да го стартува.</translation>
    </message>
    <message>
        <source>%1 cannot be created as a private folder.</source>
        <translation>%1 не може да се создаде како приватна папка.</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for tor.</source>
        <translation>Нема слободна порта на 127.0.0.1 за tor.</translation>
    </message>
    <message>
        <source>The extra tor settings file %1 cannot be used: it must be a file you can read and only you can change.</source>
        <translation>Датотеката со дополнителни поставки за tor %1 не може да се користи: мора да биде датотека што можете да ја читате и што само вие можете да ја менувате.</translation>
    </message>
    <message>
        <source>The extra tor settings file %1 cannot be used: it includes other files (%include), which the app cannot check. Put their lines in it instead.</source>
        <translation>Датотеката со дополнителни поставки за tor %1 не може да се користи: вклучува други датотеки (%include), кои апликацијата не може да ги провери. Наместо тоа ставете ги нивните редови во неа.</translation>
    </message>
</context>
<context>
    <name>PlainError</name>
    <message>
        <source>The passphrase does not open this key file. Check the keyboard layout and Caps Lock and try again.</source>
        <translation>Лозинката не ја отвора оваа датотека со клуч. Проверете го распоредот на тастатурата и Caps Lock и обидете се повторно.</translation>
    </message>
    <message>
        <source>Verification failed: what the server sent is not signed by your organisation&apos;s admin key, or a case key changed since you last opened the case. The server may have been tampered with. Do not rely on this data; tell your admin before you go on.</source>
        <translation>Проверката не успеа: она што го испрати серверот не е потпишано со клучот на администраторот на вашата организација, или клучот на случајот се сменил откако последен пат го отворивте случајот. Можно е некој да го менувал серверот. Не потпирајте се на овие податоци; известете го администраторот пред да продолжите.</translation>
    </message>
    <message>
        <source>Verification failed: the server shows an older list of reviewers than this computer saw before. Someone may be replaying old data. Tell your admin.</source>
        <translation>Проверката не успеа: серверот покажува постар список на членови на тимот од оној што овој компјутер веќе го видел. Можно е некој повторно да подметнува стари податоци. Известете го администраторот.</translation>
    </message>
    <message>
        <source>Verification failed: the list of reviewers the server shows has expired or does not continue the one this computer saw before. Someone may be replaying old data. Tell your admin.</source>
        <translation>Проверката не успеа: списокот на членови на тимот што го покажува серверот е истечен или не продолжува на оној што овој компјутер веќе го видел. Можно е некој повторно да подметнува стари податоци. Известете го администраторот.</translation>
    </message>
    <message>
        <source>Verification failed: the case&apos;s records were changed, reordered or signed by someone no longer on the team. Do not rely on this data; tell your admin before you go on.</source>
        <translation>Проверката не успеа: записите на случајот се изменети, испреместени или потпишани од некој што повеќе не е во тимот. Не потпирајте се на овие податоци; известете го администраторот пред да продолжите.</translation>
    </message>
    <message>
        <source>Verification failed: data from the server does not decrypt or authenticate. It was damaged or changed on the server. Nothing of it is shown as genuine; tell your admin.</source>
        <translation>Проверката не успеа: податоците од серверот не можат да се дешифрираат или проверат. Оштетени се или изменети на серверот. Ништо од нив не е прикажано како веродостојно; известете го администраторот.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address, that tor is running (for an onion address) and your network, then try again.</source>
        <translation>Серверот не е достапен. Проверете ја адресата, дали работи tor (за onion-адреса) и вашата мрежа, па обидете се повторно.</translation>
    </message>
    <message>
        <source>Not allowed: your key is not on the reviewer list, this case was not shared with you, or a file has unsafe permissions. Send your public key line to the admin, or ask a colleague to grant the case.</source>
        <translation>Не е дозволено: вашиот клуч не е на списокот на членови на тимот, овој случај не е споделен со вас или некоја датотека има небезбедни дозволи. Испратете му го на администраторот редот со вашиот јавен клуч или замолете колега да го сподели случајот со вас.</translation>
    </message>
    <message>
        <source>Not found: the case or file no longer exists, or the address is not the reviewer address of the server.</source>
        <translation>Не е пронајдено: случајот или датотеката повеќе не постои, или адресата не е адресата на серверот за членовите на тимот.</translation>
    </message>
    <message>
        <source>Something with this name already exists, or the server changed meanwhile. Choose another name or try again.</source>
        <translation>Нешто со ова име веќе постои или серверот во меѓувреме се сменил. Изберете друго име или обидете се повторно.</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full or it is busy: nothing was stored. Try again later; tell the operator if it lasts.</source>
        <translation>Дискот на серверот е полн или серверот е зафатен: ништо не е зачувано. Обидете се подоцна; ако продолжи, известете го операторот.</translation>
    </message>
    <message>
        <source>The server&apos;s limit for this case is reached (too many messages, keys or file chunks). Nothing more can be added to it.</source>
        <translation>Ограничувањето на серверот за овој случај е достигнато (премногу пораки, клучеви или делови од датотеки). Ништо повеќе не може да се додаде.</translation>
    </message>
    <message>
        <source>This setting or input cannot be used.</source>
        <translation>Оваа поставка или внес не може да се користи.</translation>
    </message>
    <message>
        <source>Stopped as you asked.</source>
        <translation>Запрено како што побаравте.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Серверот го одби барањето.</translation>
    </message>
    <message>
        <source>Details: </source>
        <translation>Детали: </translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Датотека</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 датотека</translation>
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
        <translation>Барај во:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Оди назад</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Напред</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Оди напред</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Горна папка</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Оди во горната папка</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Создај нова папка</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Создај нова папка</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Приказ во листа</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Префрли на приказ во листа</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Детален приказ</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Префрли на детален приказ</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Странична лента</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Листа на места и обележувачи</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Датотеки</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Име на датотеката:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Датотеки од тип:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Сите датотеки (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Папки</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Отвори</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зачувај</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Избери</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Преименувај</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Избриши</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Прикажи ги &amp;скриените датотеки</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Нова папка</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Нова папка</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Прикажи </translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 веќе постои.
Дали сакате да ја замените?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Дали сте сигурни дека сакате да го избришете &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; е заштитено од запишување.
Дали сепак сакате да го избришете?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Папката не можеше да се избрише.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Папката не е пронајдена.
Проверете дали името на папката е точно.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Датотеката не е пронајдена.
Проверете дали името на датотеката е точно.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Отвори</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Пронајди папка</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Зачувај како</translation>
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
        <translation>Големина</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Датум на измена</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компјутер</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Неважечко име на датотека</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;Името &quot;%1&quot; не може да се користи.&lt;/b&gt;&lt;p&gt;Обидете се со друго име, со помалку знаци или без интерпункциски знаци.</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Врати</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повтори</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Исе&amp;чи</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копирај</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Залепи</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Избриши</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Избери сѐ</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Прикажи детали...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Скриј детали...</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Status set to %1</source>
        <translation>Статусот е поставен на %1</translation>
    </message>
    <message>
        <source>Labels: +%1 -%2</source>
        <translation>Ознаки: +%1 −%2</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Доделувањето е отстрането</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Доделено на: %1</translation>
    </message>
    <message>
        <source>(a message of a kind this version does not show: %1)</source>
        <translation>(порака од вид што оваа верзија не го прикажува: %1)</translation>
    </message>
    <message>
        <source>%1 cannot be read, so nothing was sent.</source>
        <translation>%1 не може да се прочита, па ништо не е испратено.</translation>
    </message>
    <message>
        <source>mat2 is not installed, so the metadata of %1 cannot be removed. Nothing was sent. Install mat2, or send the file without cleaning if you are sure it reveals nothing.</source>
        <translation>mat2 не е инсталиран, па метаподатоците на %1 не можат да се отстранат. Ништо не е испратено. Инсталирајте mat2 или испратете ја датотеката без чистење ако сте сигурни дека не открива ништо.</translation>
    </message>
    <message>
        <source>mat2 could not remove the metadata of %1 (a format it does not know, or a damaged file). Nothing was sent. Send it without cleaning only if you are sure it reveals nothing.</source>
        <translation>mat2 не можеше да ги отстрани метаподатоците на %1 (формат што не го познава или оштетена датотека). Ништо не е испратено. Испратете ја без чистење само ако сте сигурни дека не открива ништо.</translation>
    </message>
    <message>
        <source>The cleaned copy of %1 could not be kept, so nothing was sent.</source>
        <translation>Исчистената копија на %1 не можеше да се зачува, па ништо не е испратено.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Извор</translation>
    </message>
    <message>
        <source>This message failed verification and is not shown:</source>
        <translation>Оваа порака не помина проверка и не е прикажана:</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Прилог:</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Јазик</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Следи го јазикот на системот</translation>
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
        <translation>Да се избрише овој случај?</translation>
    </message>
    <message>
        <source>The case, its conversation, notes and files are deleted from the server for every reviewer. This cannot be undone.</source>
        <translation>Случајот, неговиот разговор, белешките и датотеките се бришат од серверот за сите членови на тимот. Ова не може да се врати.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Избриши трајно</translation>
    </message>
    <message>
        <source>Keep the case</source>
        <translation>Задржи го случајот</translation>
    </message>
    <message>
        <source>Share all my cases</source>
        <translation>Сподели ги сите мои случаи</translation>
    </message>
    <message>
        <source>Give this colleague access to every case you hold (for a colleague who just joined):</source>
        <translation>Дајте му на овој колега пристап до секој случај што го имате (за колега што штотуку се приклучил):</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Во ред</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зачувај</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Зачувај ги сите</translation>
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
        <translation>Да за &amp;сите</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Не</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Н&amp;е за сите</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Прекини</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Обиди се повторно</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Игнорирај</translation>
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
        <translation>Отфрли</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Помош</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Примени</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Ресетирај</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Врати ги стандардните</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>Лизгај тука</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Лев раб</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Врв</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Десен раб</translation>
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
        <translation>Страница долу</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Лизгај лево</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Лизгај горе</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Лизгај десно</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Лизгај долу</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Врати</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повтори</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Исе&amp;чи</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копирај</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Копирај ја адресата на &amp;врската</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Залепи</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Избриши</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Избери сѐ</translation>
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
        <translation>во истрага</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>проверен</translation>
    </message>
    <message>
        <source>published</source>
        <translation>објавен</translation>
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
        <translation>Вид на инцидент</translation>
    </message>
    <message>
        <source>When did it happen</source>
        <translation>Кога се случи</translation>
    </message>
    <message>
        <source>Who do you believe is responsible</source>
        <translation>Кој според вас е одговорен</translation>
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
        <translation>Шпионски софтвер на телефон или компјутер</translation>
    </message>
    <message>
        <source>Interception of calls or messages</source>
        <translation>Прислушување на повици или пресретнување на пораки</translation>
    </message>
    <message>
        <source>Physical surveillance (being followed or watched)</source>
        <translation>Физички надзор (следење, набљудување)</translation>
    </message>
    <message>
        <source>Requests for data (to a company or provider)</source>
        <translation>Барања за податоци (до компанија или провајдер)</translation>
    </message>
    <message>
        <source>Website blocking</source>
        <translation>Блокирање на веб-страници</translation>
    </message>
    <message>
        <source>Content taken down</source>
        <translation>Отстранување содржина</translation>
    </message>
    <message>
        <source>Internet shutdown</source>
        <translation>Исклучување на интернетот</translation>
    </message>
    <message>
        <source>SLAPP or legal threat</source>
        <translation>SLAPP тужба или правна закана</translation>
    </message>
    <message>
        <source>Intimidation</source>
        <translation>Заплашување</translation>
    </message>
    <message>
        <source>Disinformation campaign</source>
        <translation>Кампања за дезинформации</translation>
    </message>
    <message>
        <source>State (government, police, services)</source>
        <translation>Државата (влада, полиција, служби)</translation>
    </message>
    <message>
        <source>Non-state (a company, a group, a person)</source>
        <translation>Недржавен актер (компанија, група, поединец)</translation>
    </message>
    <message>
        <source>I do not know</source>
        <translation>Не знам</translation>
    </message>
    <message>
        <source>Other country</source>
        <translation>Друго</translation>
    </message>
</context>
<context>
    <name>SetupCheckPage</name>
    <message>
        <source>&lt;h2&gt;Check my setup&lt;/h2&gt;&lt;p&gt;Every step between this computer and your cases, each with what to do when it fails. Your passphrase is needed to check that the roster lists your key.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Провери ги моите поставки&lt;/h2&gt;&lt;p&gt;Секој чекор меѓу овој компјутер и вашите случаи, секој со тоа што треба да направите кога не успева. Лозинката е потребна за да се провери дали вашиот клуч е на списокот на членови на тимот.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Passphrase for the check</source>
        <translation>Лозинка за проверката</translation>
    </message>
    <message>
        <source>&amp;Run the checks</source>
        <translation>&amp;Изврши ги проверките</translation>
    </message>
    <message>
        <source>Run the checks</source>
        <translation>Изврши ги проверките</translation>
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
        <translation>Резултати од проверките</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Резултат</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Пронајдено</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Што да направите</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Лозинка:</translation>
    </message>
    <message>
        <source>Checking… (reaching an onion service can take a minute)</source>
        <translation>Се проверува… (поврзувањето со onion-сервис може да трае една минута)</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ во ред</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ не успеа</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– прескокнато</translation>
    </message>
    <message>
        <source>Everything checked works.</source>
        <translation>Сѐ што е проверено работи.</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed: see what to do in the last column.</source>
        <translation>
            <numerusform>Неуспешни проверки: %n. Во последната колона видете што да направите.</numerusform>
            <numerusform>Неуспешни проверки: %n. Во последната колона видете што да направите.</numerusform>
            <numerusform>Неуспешни проверки: %n. Во последната колона видете што да направите.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>&lt;h2&gt;Welcome to Dojava Desk&lt;/h2&gt;&lt;p&gt;Tell the app where your reviewer key is and how to reach your organisation&apos;s Dojava server. Your admin gave you an onboarding file, or the address and the admin fingerprint.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Добредојдовте во Дојава Desk&lt;/h2&gt;&lt;p&gt;Кажете ѝ на апликацијата каде е вашиот клуч како член на тимот и како да стигне до серверот Дојава на вашата организација. Администраторот ви дал датотека за поврзување, или адресата и отпечатокот на администраторот.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Датотека со клуч</translation>
    </message>
    <message>
        <source>/home/you/dojava-reviewer.key</source>
        <translation>/home/ime/dojava-reviewer.key</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Прелистај…</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Изберете ја датотеката со клуч</translation>
    </message>
    <message>
        <source>Your reviewer key file</source>
        <translation>Вашата датотека со клуч како член на тимот</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адреса на серверот</translation>
    </message>
    <message>
        <source>http://….onion, http://127.0.0.1:PORT or unix:/path</source>
        <translation>http://….onion, http://127.0.0.1:PORT или unix:/патека</translation>
    </message>
    <message>
        <source>Tor SOCKS port</source>
        <translation>SOCKS-порта на Tor</translation>
    </message>
    <message>
        <source>127.0.0.1:9050 (for an onion address)</source>
        <translation>127.0.0.1:9050 (за onion-адреса)</translation>
    </message>
    <message>
        <source>Admin fingerprint</source>
        <translation>Отпечаток на администраторот</translation>
    </message>
    <message>
        <source>as your admin wrote it</source>
        <translation>како што го запишал вашиот администратор</translation>
    </message>
    <message>
        <source>Open &amp;onboarding file…</source>
        <translation>Отвори датотека за &amp;поврзување…</translation>
    </message>
    <message>
        <source>Open the onboarding file from your admin</source>
        <translation>Отвори ја датотеката за поврзување од вашиот администратор</translation>
    </message>
    <message>
        <source>The onboarding file from your admin</source>
        <translation>Датотеката за поврзување од вашиот администратор</translation>
    </message>
    <message>
        <source>Start my own &amp;tor (recommended: no tor setup needed)</source>
        <translation>Стартувај сопствен &amp;tor (препорачано, без поставување)</translation>
    </message>
    <message>
        <source>Create my tor client &amp;key</source>
        <translation>Создај го мојот клиентски &amp;клуч за tor</translation>
    </message>
    <message>
        <source>Create my tor client key</source>
        <translation>Создај го мојот клиентски клуч за tor</translation>
    </message>
    <message>
        <source>Your tor client key, public part</source>
        <translation>Вашиот клиентски клуч за tor, јавен дел</translation>
    </message>
    <message>
        <source>The reviewer address is protected by tor client authorization: create your key here and send its public part, with your public key line, to your operator.</source>
        <translation>Адресата за членовите на тимот е заштитена со клиентска авторизација на tor: создајте го тука вашиот клуч и испратете му го на операторот неговиот јавен дел, заедно со редот на вашиот јавен клуч.</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>Датотека со &amp;клуч:</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>Адреса на &amp;серверот:</translation>
    </message>
    <message>
        <source>&amp;Tor SOCKS port:</source>
        <translation>SOCKS-порта на &amp;Tor:</translation>
    </message>
    <message>
        <source>Admin &amp;fingerprint:</source>
        <translation>Отпечаток на &amp;администраторот:</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Продолжи</translation>
    </message>
    <message>
        <source>Save these settings and continue</source>
        <translation>Зачувај ги овие поставки и продолжи</translation>
    </message>
    <message>
        <source>Send this public line to your operator (read its first and last characters to them by phone). The private part is in %1, where the app&apos;s own tor uses it; with another tor, copy that file into the folder its ClientOnionAuthDir names.</source>
        <translation>Испратете му го овој јавен ред на операторот (прочитајте му ги по телефон првите и последните знаци). Приватниот дел е во %1, каде што го користи сопствениот tor на апликацијата; со друг tor, копирајте ја таа датотека во папката што ја наведува неговиот ClientOnionAuthDir.</translation>
    </message>
    <message>
        <source>%1 is not an onboarding file from a Dojava admin: %2</source>
        <translation>%1 не е датотека за поврзување од администратор на Дојава: %2</translation>
    </message>
    <message>
        <source>Onboarding file read.</source>
        <translation>Датотеката за поврзување е прочитана.</translation>
    </message>
    <message>
        <source>Onboarding file of %1 read.</source>
        <translation>Датотеката за поврзување за %1 е прочитана.</translation>
    </message>
    <message>
        <source>The server address and admin fingerprint are filled in; on first contact the app pins the admin key with this fingerprint and refuses any other.</source>
        <translation>Адресата на серверот и отпечатокот на администраторот се пополнети; при првиот контакт апликацијата го запомнува клучот на администраторот со овој отпечаток и го одбива секој друг.</translation>
    </message>
    <message>
        <source>Fill in the key file, the server address and the admin fingerprint.</source>
        <translation>Пополнете ги датотеката со клуч, адресата на серверот и отпечатокот на администраторот.</translation>
    </message>
    <message>
        <source>An onion address is reached through tor: give tor&apos;s SOCKS port (usually 127.0.0.1:9050, or 127.0.0.1:9150 with Tor Browser).</source>
        <translation>До onion-адреса се стига преку tor: внесете ја SOCKS-портата на tor (обично 127.0.0.1:9050, или 127.0.0.1:9150 со Tor Browser).</translation>
    </message>
    <message>
        <source>Create a &amp;new key…</source>
        <translation>Создај &amp;нов клуч…</translation>
    </message>
    <message>
        <source>Create a new reviewer key</source>
        <translation>Создај нов клуч како член на тимот</translation>
    </message>
    <message>
        <source>Your public key line</source>
        <translation>Редот со вашиот јавен клуч</translation>
    </message>
    <message>
        <source>Cop&amp;y the public line</source>
        <translation>Коп&amp;ирај го јавниот ред</translation>
    </message>
    <message>
        <source>Copy your public key line</source>
        <translation>Копирај го редот со вашиот јавен клуч</translation>
    </message>
    <message>
        <source>Copy &amp;both lines for the admin</source>
        <translation>Копирај ги &amp;двата реда за администраторот</translation>
    </message>
    <message>
        <source>Copy your public key line and tor client key together</source>
        <translation>Копирај ги заедно редот со јавниот клуч и клиентскиот клуч за tor</translation>
    </message>
    <message>
        <source>Your key is made and saved in %1 (only you can read it). Send the public line above to your admin, who adds you to the roster; it is also in %1.pub. It is not secret, but check it with your admin by phone: its first and last characters are enough.</source>
        <translation>Вашиот клуч е создаден и зачуван во %1 (само вие можете да го читате). Испратете му го горниот јавен ред на администраторот, кој ве додава на списокот на членови на тимот; се наоѓа и во %1.pub. Не е таен, но проверете го со администраторот по телефон: доволни се неговите први и последни знаци.</translation>
    </message>
    <message>
        <source>My Dojava reviewer public key line:</source>
        <translation>Мојот ред со јавен клуч како член на тимот на Дојава:</translation>
    </message>
    <message>
        <source>My tor client key (public part) for the reviewer address:</source>
        <translation>Мојот клиентски клуч за tor (јавен дел) за адресата за членовите на тимот:</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>&lt;h2&gt;Unlock Dojava Desk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Отклучете го Дојава Desk&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Лозинка</translation>
    </message>
    <message>
        <source>the passphrase of your key file</source>
        <translation>лозинката на вашата датотека со клуч</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Отклучи</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Отклучување</translation>
    </message>
    <message>
        <source>Change &amp;settings…</source>
        <translation>Промени ги &amp;поставките…</translation>
    </message>
    <message>
        <source>Change the server settings</source>
        <translation>Промени ги поставките на серверот</translation>
    </message>
    <message>
        <source>Check my &amp;setup…</source>
        <translation>Провери ги моите по&amp;ставки…</translation>
    </message>
    <message>
        <source>Check my setup</source>
        <translation>Провери ги моите поставки</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Лозинка:</translation>
    </message>
    <message>
        <source>Server: %1
Your key stays on this computer; it is unlocked in memory only and locked again when you leave the app idle.</source>
        <translation>Сервер: %1
Вашиот клуч останува на овој компјутер; отклучен е само во меморијата и повторно се заклучува кога ќе ја оставите апликацијата неактивна.</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Внесете ја лозинката.</translation>
    </message>
</context>
</TS>
