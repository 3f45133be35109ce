<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BounceClassifier</name>
    <message>
        <source>%1: expected an object with a &quot;rules&quot; table</source>
        <translation>%1: Objekt mit einer &quot;rules&quot;-Tabelle erwartet</translation>
    </message>
    <message>
        <source>%1: rules.%2 must be a list of regexes</source>
        <translation>%1: rules.%2 muss eine Liste regulärer Ausdrücke sein</translation>
    </message>
    <message>
        <source>%1: rules.%2 holds a non-string</source>
        <translation>%1: rules.%2 enthält einen Wert, der keine Zeichenkette ist</translation>
    </message>
    <message>
        <source>parsing %1 as toml: %2</source>
        <translation>%1 kann nicht als TOML geparst werden: %2</translation>
    </message>
    <message>
        <source>%1: expected a [rules] table</source>
        <translation>%1: [rules]-Tabelle erwartet</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>label %1, regex %2: %3</source>
        <translation>Label %1, Regex %2: %3</translation>
    </message>
</context>
<context>
    <name>ClassificationLint</name>
    <message>
        <source>rewrite moves sample %1 from %2 to Uncategorized (%3 → %4)</source>
        <translation>das Umschreiben verschiebt Probe %1 von %2 nach Uncategorized (%3 → %4)</translation>
    </message>
    <message>
        <source>sample %1</source>
        <translation>Probe %1</translation>
    </message>
</context>
<context>
    <name>CompiledPattern</name>
    <message>
        <source>regex parse error: %1</source>
        <translation>regex parse error: %1</translation>
    </message>
    <message>
        <source>regex parse error: internal: Boost.Regex refused the translation %1: %2</source>
        <translation>regex parse error: internal: Boost.Regex refused the translation %1: %2</translation>
    </message>
</context>
<context>
    <name>DeliveryRules</name>
    <message>
        <source>KumoMTA 2026.06 calls the event for any %1 reply other than 250; this one is %2.</source>
        <translation>KumoMTA 2026.06 ruft das Ereignis bei jeder Antwort auf %1 außer 250 auf; diese lautet %2.</translation>
    </message>
    <message>
        <source>A 250 reply to %1 is accepted, so the event is not called.</source>
        <translation>Eine 250-Antwort auf %1 gilt als angenommen, daher wird das Ereignis nicht aufgerufen.</translation>
    </message>
    <message>
        <source>A %1 reply to %2 is not 2xx, so the event is called.</source>
        <translation>Eine %1-Antwort auf %2 ist kein 2xx, daher wird das Ereignis aufgerufen.</translation>
    </message>
    <message>
        <source>A 2xx reply to %1 is accepted, so the event is not called.</source>
        <translation>Eine 2xx-Antwort auf %1 gilt als angenommen, daher wird das Ereignis nicht aufgerufen.</translation>
    </message>
    <message>
        <source>DATA answered %1 instead of 354, so the event is called.</source>
        <translation>DATA wurde mit %1 statt 354 beantwortet, daher wird das Ereignis aufgerufen.</translation>
    </message>
    <message>
        <source>DATA answered 354, so the transfer goes on and the event is not called.</source>
        <translation>DATA wurde mit 354 beantwortet, die Übertragung läuft also weiter und das Ereignis wird nicht aufgerufen.</translation>
    </message>
    <message>
        <source>The final dot answered %1 instead of 250, so the event is called.</source>
        <translation>Der abschließende Punkt wurde mit %1 statt 250 beantwortet, daher wird das Ereignis aufgerufen.</translation>
    </message>
    <message>
        <source>The final dot answered 250: the message was accepted and the event is not called.</source>
        <translation>Der abschließende Punkt wurde mit 250 beantwortet: Die Nachricht wurde angenommen und das Ereignis wird nicht aufgerufen.</translation>
    </message>
    <message>
        <source>RSET before a further message answered %1 instead of 250, so KumoMTA 2026.06 calls the event.</source>
        <translation>RSET vor einer weiteren Nachricht wurde mit %1 statt 250 beantwortet, daher ruft KumoMTA 2026.06 das Ereignis auf.</translation>
    </message>
    <message>
        <source>RSET answered 250, so the event is not called.</source>
        <translation>RSET wurde mit 250 beantwortet, daher wird das Ereignis nicht aufgerufen.</translation>
    </message>
    <message>
        <source>The documented behaviour never calls the event for RSET.</source>
        <translation>Im dokumentierten Verhalten wird das Ereignis bei RSET nie aufgerufen.</translation>
    </message>
    <message>
        <source>Replies to %1 are connection-level failures: KumoMTA logs them as TransientFailure and never calls the event.</source>
        <translation>Antworten auf %1 sind Fehler auf Verbindungsebene: KumoMTA protokolliert sie als TransientFailure und ruft das Ereignis nie auf.</translation>
    </message>
    <message>
        <source>Enhanced code 4.5.3 answering RCPT TO means too many recipients, so KumoMTA 2026.06 keeps it a TransientFailure whatever the code (%1).</source>
        <translation>Der erweiterte Statuscode 4.5.3 als Antwort auf RCPT TO bedeutet „zu viele Empfänger“, daher bleibt es bei KumoMTA 2026.06 unabhängig vom Code (%1) ein TransientFailure.</translation>
    </message>
    <message>
        <source>%1 without an enhanced code answering RCPT TO is treated as too many recipients, so KumoMTA 2026.06 keeps it a TransientFailure (rewrite to 550 or 555 to bounce).</source>
        <translation>%1 ohne erweiterten Statuscode als Antwort auf RCPT TO wird als „zu viele Empfänger“ behandelt, daher bleibt es bei KumoMTA 2026.06 ein TransientFailure (für einen Bounce auf 550 oder 555 umschreiben).</translation>
    </message>
    <message>
        <source>A %1 code is 2xx, so the record is a Delivery.</source>
        <translation>Ein %1-Code ist 2xx, daher ist der Eintrag ein Delivery.</translation>
    </message>
    <message>
        <source>503 (bad sequence of commands) is retried by KumoMTA, so the record is a TransientFailure.</source>
        <translation>503 (falsche Befehlsreihenfolge) wird von KumoMTA wiederholt, daher ist der Eintrag ein TransientFailure.</translation>
    </message>
    <message>
        <source>A %1 code is %2xx, so KumoMTA keeps the message and retries: TransientFailure.</source>
        <translation>Ein %1-Code ist %2xx, daher behält KumoMTA die Nachricht und versucht es erneut: TransientFailure.</translation>
    </message>
    <message>
        <source>A %1 code is a permanent failure, so the record is a Bounce and the message leaves the queue.</source>
        <translation>Ein %1-Code ist ein dauerhafter Fehler, daher ist der Eintrag ein Bounce und die Nachricht verlässt die Warteschlange.</translation>
    </message>
    <message>
        <source>%1 is outside 2xx–4xx, which KumoMTA treats as a permanent failure: Bounce.</source>
        <translation>%1 liegt außerhalb von 2xx–4xx, was KumoMTA als dauerhaften Fehler behandelt: Bounce.</translation>
    </message>
</context>
<context>
    <name>Dsn::Capture::CapturePanel</name>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>The SMTP conversation as it happens: client commands, server replies and the client&apos;s own notes, with the phase and the milliseconds since the start.</source>
        <translation>Die SMTP-Unterhaltung im Verlauf: Befehle des Clients, Antworten des Servers und eigene Hinweise des Clients, jeweils mit Phase und Millisekunden seit dem Start.</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>&amp;Mitschneiden</translation>
    </message>
    <message>
        <source>Run one SMTP transaction against the selected target.</source>
        <translation>Eine SMTP-Transaktion gegen das ausgewählte Ziel ausführen.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Abort the running capture.</source>
        <translation>Den laufenden Mitschnitt abbrechen.</translation>
    </message>
    <message>
        <source>Add to &amp;samples</source>
        <translation>Zu den &amp;Proben hinzufügen</translation>
    </message>
    <message>
        <source>Add every rejected reply of this capture to the project&apos;s samples.</source>
        <translation>Jede abgelehnte Antwort dieses Mitschnitts zu den Proben des Projekts hinzufügen.</translation>
    </message>
    <message>
        <source>Built-in sandbox</source>
        <translation>Eingebaute Sandbox</translation>
    </message>
    <message>
        <source>Staging server</source>
        <translation>Staging-Server</translation>
    </message>
    <message>
        <source>Capture from the built-in sandbox, which answers as a scenario scripts it, or from a staging server you run.</source>
        <translation>Von der eingebauten Sandbox mitschneiden, die so antwortet, wie ein Szenario es vorgibt, oder von einem eigenen Staging-Server.</translation>
    </message>
    <message>
        <source>A bundled scenario; its JSON below can be edited before capturing.</source>
        <translation>Ein mitgeliefertes Szenario; sein JSON unten kann vor dem Mitschnitt bearbeitet werden.</translation>
    </message>
    <message>
        <source>The scenario the sandbox serves (JSON, comments allowed). Errors are reported with line and column when you capture.</source>
        <translation>Das Szenario, das die Sandbox ausspielt (JSON, Kommentare erlaubt). Fehler werden beim Mitschnitt mit Zeile und Spalte gemeldet.</translation>
    </message>
    <message>
        <source>Saved staging-server profiles.</source>
        <translation>Gespeicherte Staging-Server-Profile.</translation>
    </message>
    <message>
        <source>The name the profile is saved under.</source>
        <translation>Der Name, unter dem das Profil gespeichert wird.</translation>
    </message>
    <message>
        <source>Host name or address of the staging server.</source>
        <translation>Hostname oder Adresse des Staging-Servers.</translation>
    </message>
    <message>
        <source>SMTP port: 25 or 587 for STARTTLS, 465 for implicit TLS.</source>
        <translation>SMTP-Port: 25 oder 587 für STARTTLS, 465 für implizites TLS.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>STARTTLS when offered</source>
        <translation>STARTTLS, falls angeboten</translation>
    </message>
    <message>
        <source>STARTTLS required</source>
        <translation>STARTTLS erforderlich</translation>
    </message>
    <message>
        <source>Implicit TLS</source>
        <translation>Implizites TLS</translation>
    </message>
    <message>
        <source>How the session is protected.</source>
        <translation>Wie die Sitzung geschützt wird.</translation>
    </message>
    <message>
        <source>Accept an untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat akzeptieren</translation>
    </message>
    <message>
        <source>Accept a certificate that does not verify, such as a staging server&apos;s self-signed one.</source>
        <translation>Ein Zertifikat akzeptieren, das sich nicht verifizieren lässt, etwa das selbstsignierte Zertifikat eines Staging-Servers.</translation>
    </message>
    <message>
        <source>AUTH user name; leave empty to send without authentication.</source>
        <translation>AUTH-Benutzername; leer lassen, um ohne Authentifizierung zu senden.</translation>
    </message>
    <message>
        <source>Stored in the system keychain when the profile is saved, never in the settings file. Leave empty to use the stored one.</source>
        <translation>Wird beim Speichern des Profils im Systemschlüsselbund abgelegt, nie in der Einstellungsdatei. Leer lassen, um das gespeicherte Passwort zu verwenden.</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Save these settings under the profile name; the password goes to the keychain.</source>
        <translation>Diese Einstellungen unter dem Profilnamen speichern; das Passwort wird im Schlüsselbund abgelegt.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected profile and its stored password.</source>
        <translation>Das ausgewählte Profil und sein gespeichertes Passwort löschen.</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>this machine&apos;s host name</source>
        <translation>Hostname dieses Rechners</translation>
    </message>
    <message>
        <source>The name sent with EHLO; empty uses this machine&apos;s host name.</source>
        <translation>Der mit EHLO gesendete Name; ohne Angabe wird der Hostname dieses Rechners verwendet.</translation>
    </message>
    <message>
        <source>The envelope sender (MAIL FROM).</source>
        <translation>Der Envelope-Absender (MAIL FROM).</translation>
    </message>
    <message>
        <source>Envelope recipients (RCPT TO), one per line.</source>
        <translation>Envelope-Empfänger (RCPT TO), einer pro Zeile.</translation>
    </message>
    <message>
        <source>The RFC 5322 message sent after DATA; empty sends a generated test message.</source>
        <translation>Die RFC-5322-Nachricht, die nach DATA gesendet wird; ohne Angabe wird eine Testnachricht erzeugt.</translation>
    </message>
    <message>
        <source>EHLO:</source>
        <translation>EHLO:</translation>
    </message>
    <message>
        <source>MAIL FROM:</source>
        <translation>MAIL FROM:</translation>
    </message>
    <message>
        <source>RCPT TO:</source>
        <translation>RCPT TO:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>Each recipient&apos;s deciding reply and what KumoMTA logs for it under the current rules.</source>
        <translation>Die entscheidende Antwort für jeden Empfänger und was KumoMTA dafür mit den aktuellen Regeln protokolliert.</translation>
    </message>
    <message>
        <source>(new profile)</source>
        <translation>(neues Profil)</translation>
    </message>
    <message>
        <source>A profile needs a name and a host.</source>
        <translation>Ein Profil benötigt einen Namen und einen Host.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved.</source>
        <translation>Profil „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved; its password is in the %2.</source>
        <translation>Profil „%1“ gespeichert; sein Passwort liegt im %2.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved, but the password could not be stored (%2): it is kept in memory for this session only.</source>
        <translation>Profil „%1“ gespeichert, aber das Passwort konnte nicht abgelegt werden (%2): Es wird nur für diese Sitzung im Speicher gehalten.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; deleted.</source>
        <translation>Profil „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; deleted; its stored password could not be removed (%2).</source>
        <translation>Profil „%1“ gelöscht; sein gespeichertes Passwort konnte nicht entfernt werden (%2).</translation>
    </message>
    <message>
        <source>Give a MAIL FROM address and at least one RCPT TO address.</source>
        <translation>Bitte eine MAIL-FROM-Adresse und mindestens eine RCPT-TO-Adresse angeben.</translation>
    </message>
    <message>
        <source>The scenario has an error: %1</source>
        <translation>Das Szenario enthält einen Fehler: %1</translation>
    </message>
    <message>
        <source>The scenario cannot be served: %1</source>
        <translation>Das Szenario kann nicht ausgespielt werden: %1</translation>
    </message>
    <message>
        <source>The sandbox cannot listen on 127.0.0.1: %1</source>
        <translation>Die Sandbox kann nicht auf 127.0.0.1 lauschen: %1</translation>
    </message>
    <message>
        <source>sandbox scenario %1</source>
        <translation>Sandbox-Szenario %1</translation>
    </message>
    <message>
        <source>A capture is already running.</source>
        <translation>Es läuft bereits ein Mitschnitt.</translation>
    </message>
    <message>
        <source>Give the staging server&apos;s host.</source>
        <translation>Bitte den Host des Staging-Servers angeben.</translation>
    </message>
    <message>
        <source>unsaved profile</source>
        <translation>nicht gespeichertes Profil</translation>
    </message>
    <message>
        <source>staging %1 (%2:%3)</source>
        <translation>Staging %1 (%2:%3)</translation>
    </message>
    <message>
        <source>Reading the password from the %1…</source>
        <translation>Passwort wird aus dem %1 gelesen…</translation>
    </message>
    <message>
        <source>no password is stored for this profile</source>
        <translation>für dieses Profil ist kein Passwort gespeichert</translation>
    </message>
    <message>
        <source>No password for %1 (%2): type it in the Password field.</source>
        <translation>Kein Passwort für %1 (%2): Bitte im Feld „Passwort“ eingeben.</translation>
    </message>
    <message>
        <source>Capturing from %1…</source>
        <translation>Mitschnitt von %1…</translation>
    </message>
    <message>
        <source>The SMTP client is still busy with the previous run.</source>
        <translation>Der SMTP-Client ist noch mit dem vorherigen Durchlauf beschäftigt.</translation>
    </message>
    <message>
        <source>Capture cancelled.</source>
        <translation>Mitschnitt abgebrochen.</translation>
    </message>
    <message>
        <source>Capture finished in %1 ms: %2 recipient(s), %3 rejected.</source>
        <translation>Mitschnitt nach %1 ms abgeschlossen: %2 Empfänger, %3 abgelehnt.</translation>
    </message>
    <message>
        <source>Capture failed at %1: %2</source>
        <translation>Mitschnitt bei %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The policy did not load, replies are shown unchanged: %1</source>
        <translation>Die Richtlinie wurde nicht geladen, Antworten werden unverändert angezeigt: %1</translation>
    </message>
    <message>
        <source>captured from %1 %2</source>
        <translation>mitgeschnitten von %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) added.</source>
        <translation>
            <numerusform>%n Probe hinzugefügt.</numerusform>
            <numerusform>%n Proben hinzugefügt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dsn::Capture::CaptureResultModel</name>
    <message>
        <source>evaluating…</source>
        <translation>wird ausgewertet…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Rewritten</source>
        <translation>Umgeschrieben</translation>
    </message>
</context>
<context>
    <name>Dsn::Capture::KeychainSecretStore</name>
    <message>
        <source>system keychain</source>
        <translation>Systemschlüsselbund</translation>
    </message>
    <message>
        <source>The system keychain reported error %1.</source>
        <translation>Der Systemschlüsselbund hat den Fehler %1 gemeldet.</translation>
    </message>
</context>
<context>
    <name>Dsn::Capture::MemorySecretStore</name>
    <message>
        <source>The secret store is unavailable.</source>
        <translation>Der Speicher für Zugangsdaten ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>session memory</source>
        <translation>Sitzungsspeicher</translation>
    </message>
</context>
<context>
    <name>Dsn::Editors::CodeEditor</name>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>Dsn::Editors::EditorPane</name>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>&amp;Ersetzen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Nächstes suchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Vorheriges suchen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Dsn::Editors::FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>ab</source>
        <translation>ab</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Nur ganze Wörter</translation>
    </message>
    <message>
        <source>.*</source>
        <translation>.*</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Replace this match and find the next one</source>
        <translation>Diesen Treffer ersetzen und den nächsten suchen</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Replace every match in the document as one undo step</source>
        <translation>Alle Treffer im Dokument in einem einzigen Rückgängig-Schritt ersetzen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dsn::Gui::LogInputList</name>
    <message>
        <source>Log file or folder</source>
        <translation>Logdatei oder Ordner</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>KumoMTA log files (plain or zstd-compressed) and folders of them, read in this order. Drop files or folders here; Delete removes the selected ones.</source>
        <translation>KumoMTA-Logdateien (unkomprimiert oder mit zstd komprimiert) und Ordner davon, in dieser Reihenfolge gelesen. Dateien oder Ordner hierher ziehen; Entf entfernt die ausgewählten.</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s)</source>
        <translation>
            <numerusform>%1 in %n Datei</numerusform>
            <numerusform>%1 in %n Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dsn::Gui::ReplayCharts</name>
    <message>
        <source>How many replayed replies each rule matched (the lowest matching index wins, as in KumoMTA). Hover a bar for the full pattern.</source>
        <translation>Wie viele wiedergegebene Antworten auf jede Regel passten (der niedrigste passende Index gewinnt, wie in KumoMTA). Für das vollständige Muster mit der Maus über einen Balken fahren.</translation>
    </message>
    <message>
        <source>The largest groups: failures replayed, rewritten by the current policy, and changed from what the log says.</source>
        <translation>Die größten Gruppen: wiedergegebene Fehler, von der aktuellen Richtlinie umgeschrieben und abweichend vom Log.</translation>
    </message>
    <message>
        <source>Destination domains</source>
        <translation>Zieldomains</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Group the right-hand chart by destination domain, site, tenant or campaign.</source>
        <translation>Das rechte Diagramm nach Zieldomain, Site, Mandant oder Kampagne gruppieren.</translation>
    </message>
    <message>
        <source>How many rules and groups get a bar.</source>
        <translation>Wie viele Regeln und Gruppen einen Balken erhalten.</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>Gr&amp;uppieren nach:</translation>
    </message>
    <message>
        <source>&amp;Top:</source>
        <translation>An&amp;zahl:</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Matches per rule: no rule matched</source>
        <translation>Treffer pro Regel: keine Regel passte</translation>
    </message>
    <message>
        <source>Matches per rule (top %1)</source>
        <translation>Treffer pro Regel (Top %1)</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Rewritten</source>
        <translation>Umgeschrieben</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1: none in this replay</source>
        <translation>%1: keine in dieser Wiedergabe</translation>
    </message>
    <message>
        <source>%1 (top %2)</source>
        <translation>%1 (Top %2)</translation>
    </message>
</context>
<context>
    <name>Dsn::Gui::ReplayPanel</name>
    <message>
        <source>Add KumoMTA log files or folders, then Run to see what the current rules would change.</source>
        <translation>KumoMTA-Logdateien oder -Ordner hinzufügen und dann „Ausführen“ wählen, um zu sehen, was die aktuellen Regeln ändern würden.</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add KumoMTA log files, plain or zstd-compressed.</source>
        <translation>KumoMTA-Logdateien hinzufügen, unkomprimiert oder mit zstd komprimiert.</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add a folder: every log file below it is read, in path order.</source>
        <translation>Einen Ordner hinzufügen: Jede Logdatei darunter wird gelesen, sortiert nach Pfad.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected entries (Delete).</source>
        <translation>Die ausgewählten Einträge entfernen (Entf).</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Remove every entry.</source>
        <translation>Alle Einträge entfernen.</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <source>Worker threads; each evaluates with its own copy of the policy. Results do not depend on it.</source>
        <translation>Worker-Threads; jeder wertet mit seiner eigenen Kopie der Richtlinie aus. Die Ergebnisse hängen nicht davon ab.</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Replay the logs through the current rules and policy.</source>
        <translation>Die Logs mit den aktuellen Regeln und der aktuellen Richtlinie wiedergeben.</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Stop the replay; the records read so far stay as a partial result.</source>
        <translation>Die Wiedergabe anhalten; die bisher gelesenen Einträge bleiben als Teilergebnis erhalten.</translation>
    </message>
    <message>
        <source>O&amp;pen Summary…</source>
        <translation>Zusammenfassung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Show one or several saved summaries (replay --json), merged: a fleet&apos;s replay in one view.</source>
        <translation>Eine oder mehrere gespeicherte Zusammenfassungen (replay --json) zusammengeführt anzeigen: die Wiedergabe einer ganzen Serverflotte in einer Ansicht.</translation>
    </message>
    <message>
        <source>&amp;Save Summary…</source>
        <translation>Zusammenfassung &amp;speichern…</translation>
    </message>
    <message>
        <source>Save this replay&apos;s summary as JSON, the format of dsn-workbench-cli replay --json.</source>
        <translation>Die Zusammenfassung dieser Wiedergabe als JSON speichern, im Format von dsn-workbench-cli replay --json.</translation>
    </message>
    <message>
        <source>Bytes read of all files (compressed size for zstd files).</source>
        <translation>Gelesene Bytes aller Dateien (bei zstd-Dateien die komprimierte Größe).</translation>
    </message>
    <message>
        <source>The rules or the policy changed since this replay; its results may be out of date.</source>
        <translation>Die Regeln oder die Richtlinie haben sich seit dieser Wiedergabe geändert; ihre Ergebnisse sind möglicherweise veraltet.</translation>
    </message>
    <message>
        <source>Run &amp;Again</source>
        <translation>E&amp;rneut ausführen</translation>
    </message>
    <message>
        <source>Replay the same logs through the current rules and policy.</source>
        <translation>Dieselben Logs mit den aktuellen Regeln und der aktuellen Richtlinie erneut wiedergeben.</translation>
    </message>
    <message>
        <source>&amp;Transitions</source>
        <translation>Ü&amp;bergänge</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>Dia&amp;gramme</translation>
    </message>
    <message>
        <source>U&amp;nmatched Replies</source>
        <translation>A&amp;ntworten ohne Treffer</translation>
    </message>
    <message>
        <source>Rows: the record type as logged. Columns: the type under the current rules. Changed transitions are bold. Select a cell to list its sample records.</source>
        <translation>Zeilen: der Eintragstyp laut Log. Spalten: der Typ unter den aktuellen Regeln. Geänderte Übergänge sind fett. Eine Zelle auswählen, um ihre Beispieleinträge aufzulisten.</translation>
    </message>
    <message>
        <source>The first records of the selected transition, by file and line.</source>
        <translation>Die ersten Einträge des ausgewählten Übergangs, nach Datei und Zeile.</translation>
    </message>
    <message>
        <source>Copy &amp;Location</source>
        <translation>Fundstelle &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the record&apos;s file:line to the clipboard (also on double-click).</source>
        <translation>Datei:Zeile des Eintrags in die Zwischenablage kopieren (auch per Doppelklick).</translation>
    </message>
    <message>
        <source>&amp;Add to Samples</source>
        <translation>Zu den &amp;Proben hinzufügen</translation>
    </message>
    <message>
        <source>Add this record&apos;s reply and queue to the project&apos;s samples.</source>
        <translation>Antwort und Warteschlange dieses Eintrags zu den Proben des Projekts hinzufügen.</translation>
    </message>
    <message>
        <source>Sample recor&amp;ds of the selected transition:</source>
        <translation>Be&amp;ispieleinträge des ausgewählten Übergangs:</translation>
    </message>
    <message>
        <source>The selected record in full.</source>
        <translation>Der ausgewählte Eintrag vollständig.</translation>
    </message>
    <message>
        <source>Replies no rule of the table matched, grouped after masking addresses, IPs and IDs; most frequent first. Hover for an original example.</source>
        <translation>Antworten, auf die keine Regel der Tabelle passte, gruppiert nach Maskierung von Adressen, IPs und IDs; die häufigsten zuerst. Für ein Originalbeispiel mit der Maus darüberfahren.</translation>
    </message>
    <message>
        <source>Add an original reply of each selected group, with its queue, to the samples.</source>
        <translation>Je eine Originalantwort jeder ausgewählten Gruppe mit ihrer Warteschlange zu den Proben hinzufügen.</translation>
    </message>
    <message>
        <source>Replies no rule &amp;matched:</source>
        <translation>Ant&amp;worten, auf die keine Regel passte:</translation>
    </message>
    <message>
        <source>Nothing to replay: add log files or a folder first.</source>
        <translation>Nichts wiederzugeben: Zuerst Logdateien oder einen Ordner hinzufügen.</translation>
    </message>
    <message numerus="yes">
        <source>Replaying %n path(s)…</source>
        <translation>
            <numerusform>%n Pfad wird wiedergegeben…</numerusform>
            <numerusform>%n Pfade werden wiedergegeben…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 of %2 · %3 records · %4 records/s · %5 elapsed</source>
        <translation>%1 von %2 · %3 Einträge · %4 Einträge/s · %5 vergangen</translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>, noch etwa %1</translation>
    </message>
    <message>
        <source>the replay ended without a result</source>
        <translation>die Wiedergabe endete ohne Ergebnis</translation>
    </message>
    <message>
        <source>Replay failed: %1</source>
        <translation>Wiedergabe fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1: partial results for the first %2 records.</source>
        <translation>Nach %1 abgebrochen: Teilergebnisse für die ersten %2 Einträge.</translation>
    </message>
    <message>
        <source>Done in %1: %2 records read, %3 failures replayed.</source>
        <translation>Fertig nach %1: %2 Einträge gelesen, %3 Fehler wiedergegeben.</translation>
    </message>
    <message>
        <source>U&amp;nmatched Replies (%1)</source>
        <translation>A&amp;ntworten ohne Treffer (%1)</translation>
    </message>
    <message>
        <source>No readable record in these logs.</source>
        <translation>Kein lesbarer Eintrag in diesen Logs.</translation>
    </message>
    <message>
        <source>No logged failure would change its record type under the current rules.</source>
        <translation>Bei keinem protokollierten Fehler würde sich der Eintragstyp unter den aktuellen Regeln ändern.</translation>
    </message>
    <message>
        <source>%1 %2 would become %3</source>
        <translation>%1 %2 würden als %3 gewertet</translation>
    </message>
    <message>
        <source>, %1% of them from rule #%2 (%3)</source>
        <translation>, davon %1% durch Regel #%2 (%3)</translation>
    </message>
    <message>
        <source>; rule #%1 (%2) matched the most replies (%3).</source>
        <translation>; Regel #%1 (%2) passte auf die meisten Antworten (%3).</translation>
    </message>
    <message>
        <source>%1 records read · %2 failures replayed · %3 rewritten by the policy · %4 different from the log · %5 matched by no rule</source>
        <translation>%1 Einträge gelesen · %2 Fehler wiedergegeben · %3 von der Richtlinie umgeschrieben · %4 abweichend vom Log · %5 ohne passende Regel</translation>
    </message>
    <message>
        <source>%1 malformed lines skipped, first: %2</source>
        <translation>%1 fehlerhafte Zeilen übersprungen, erste: %2</translation>
    </message>
    <message>
        <source>no rule matched</source>
        <translation>keine Regel passte</translation>
    </message>
    <message>
        <source>rule #%1</source>
        <translation>Regel #%1</translation>
    </message>
    <message>
        <source>%1 · queue %2 · %3 → %4 · %5
%6</source>
        <translation>%1 · Warteschlange %2 · %3 → %4 · %5
%6</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Add KumoMTA Log Files</source>
        <translation>KumoMTA-Logdateien hinzufügen</translation>
    </message>
    <message>
        <source>All files (*);;zstd-compressed logs (*.zst)</source>
        <translation>Alle Dateien (*);;zstd-komprimierte Logs (*.zst)</translation>
    </message>
    <message>
        <source>Add a Folder of KumoMTA Logs</source>
        <translation>Ordner mit KumoMTA-Logs hinzufügen</translation>
    </message>
    <message>
        <source>Open Replay Summaries</source>
        <translation>Wiedergabe-Zusammenfassungen öffnen</translation>
    </message>
    <message>
        <source>Replay summaries (*.json);;All files (*)</source>
        <translation>Wiedergabe-Zusammenfassungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Replay Summary</source>
        <translation>Wiedergabe-Zusammenfassung speichern</translation>
    </message>
    <message>
        <source>Replay summaries (*.json)</source>
        <translation>Wiedergabe-Zusammenfassungen (*.json)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not JSON: %2</source>
        <translation>%1 ist kein JSON: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Opened %1: %2 records.</source>
        <translation>%1 geöffnet: %2 Einträge.</translation>
    </message>
    <message>
        <source>Opened and merged %1 summaries: %2 records.</source>
        <translation>%1 Zusammenfassungen geöffnet und zusammengeführt: %2 Einträge.</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved the summary to %1.</source>
        <translation>Zusammenfassung in %1 gespeichert.</translation>
    </message>
    <message>
        <source>: no rule of this table matches them.</source>
        <translation>: keine Regel dieser Tabelle passt auf sie.</translation>
    </message>
</context>
<context>
    <name>Dsn::Gui::ReplaySampleModel</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1
Double-click to copy the location.</source>
        <translation>%1
Doppelklicken, um die Fundstelle zu kopieren.</translation>
    </message>
    <message>
        <source>No rule of the table matched this reply.</source>
        <translation>Keine Regel der Tabelle passte auf diese Antwort.</translation>
    </message>
    <message>
        <source>The lowest-index rule that matched, as KumoMTA picks it.</source>
        <translation>Die passende Regel mit dem niedrigsten Index, wie KumoMTA sie auswählt.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Code (logged → now)</source>
        <translation>Code (protokolliert → jetzt)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>Dsn::Gui::TransitionMatrixModel</name>
    <message>
        <source>No %1 record would become %2.</source>
        <translation>Kein %1-Eintrag würde zu %2.</translation>
    </message>
    <message>
        <source>%1 logged %2 records would now be %3.</source>
        <translation>%1 als %2 protokollierte Einträge wären jetzt %3.</translation>
    </message>
    <message>
        <source>%1 logged %2 records would stay %3.</source>
        <translation>%1 als %2 protokollierte Einträge blieben %3.</translation>
    </message>
    <message>
        <source>Select the cell to list its sample records.</source>
        <translation>Die Zelle auswählen, um ihre Beispieleinträge aufzulisten.</translation>
    </message>
    <message>
        <source>logged %1</source>
        <translation>protokolliert %1</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Records logged as %1</source>
        <translation>Als %1 protokollierte Einträge</translation>
    </message>
    <message>
        <source>Records the current policy makes %1</source>
        <translation>Einträge, die die aktuelle Richtlinie zu %1 macht</translation>
    </message>
</context>
<context>
    <name>Dsn::Gui::UnmatchedReplyModel</name>
    <message>
        <source>Masked: %1
Example: %2
Queue: %3
Logged at %4:%5</source>
        <translation>Maskiert: %1
Beispiel: %2
Warteschlange: %3
Protokolliert in %4:%5</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Reply (variable parts masked)</source>
        <translation>Antwort (variable Teile maskiert)</translation>
    </message>
    <message>
        <source>Example queue</source>
        <translation>Beispiel-Warteschlange</translation>
    </message>
</context>
<context>
    <name>Dsn::Models::DiagnosticsModel</name>
    <message>
        <source>rule %1, position %2</source>
        <translation>Regel %1, Position %2</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Dsn::Models::RuleTableModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>%1 at position %2: %3</source>
        <translation>%1 an Position %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Dsn::Models::SampleTableModel</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 · ambiguous: %2</source>
        <translation>%1 · mehrdeutig: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n weitere)</numerusform>
            <numerusform>%1 (+%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Patterns that disagree match this reply; KumoMTA may return any of: %1</source>
        <translation>Widersprüchliche Muster passen auf diese Antwort; KumoMTA kann jeden dieser Werte zurückgeben: %1</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Eintragstyp</translation>
    </message>
    <message>
        <source>Matched rule</source>
        <translation>Passende Regel</translation>
    </message>
    <message>
        <source>Rewrite note</source>
        <translation>Umschreibungsnotiz</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Bounce classification: %1</source>
        <translation>Bounce-Klassifizierung: %1</translation>
    </message>
    <message>
        <source>The rewrite moves this reply from %1 to %2 in KumoMTA&apos;s bounce classification.</source>
        <translation>Das Umschreiben verschiebt diese Antwort in der Bounce-Klassifizierung von KumoMTA von %1 nach %2.</translation>
    </message>
    <message>
        <source>KumoMTA logs this outcome with bounce classification %1.</source>
        <translation>KumoMTA protokolliert dieses Ergebnis mit der Bounce-Klassifizierung %1.</translation>
    </message>
    <message>
        <source>Bounce class</source>
        <translation>Bounce-Klasse</translation>
    </message>
</context>
<context>
    <name>Dsn::Smtp::SmtpClient</name>
    <message>
        <source>no host given</source>
        <translation>kein Host angegeben</translation>
    </message>
    <message>
        <source>no recipients given</source>
        <translation>keine Empfänger angegeben</translation>
    </message>
    <message>
        <source>Connecting to %1 port %2%3</source>
        <translation>Verbindungsaufbau zu %1, Port %2%3</translation>
    </message>
    <message>
        <source> (implicit TLS)</source>
        <translation> (implizites TLS)</translation>
    </message>
    <message>
        <source>the run was aborted</source>
        <translation>der Durchlauf wurde abgebrochen</translation>
    </message>
    <message>
        <source>Connected to %1 port %2</source>
        <translation>Verbunden mit %1, Port %2</translation>
    </message>
    <message>
        <source>TLS established: %1, %2; certificate %3</source>
        <translation>TLS hergestellt: %1, %2; Zertifikat %3</translation>
    </message>
    <message>
        <source>Certificate not trusted (%1), accepted by explicit choice; certificate %2</source>
        <translation>Zertifikat nicht vertrauenswürdig (%1), auf ausdrücklichen Wunsch akzeptiert; Zertifikat %2</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the server closed the connection while the reply to %1 was expected</source>
        <translation>der Server hat die Verbindung geschlossen, während die Antwort auf %1 erwartet wurde</translation>
    </message>
    <message numerus="yes">
        <source> (after %n line(s) of a multi-line reply)</source>
        <translation>
            <numerusform> (nach %n Zeile einer mehrzeiligen Antwort)</numerusform>
            <numerusform> (nach %n Zeilen einer mehrzeiligen Antwort)</numerusform>
        </translation>
    </message>
    <message>
        <source>socket error</source>
        <translation>Socket-Fehler</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>; verification errors: %1</source>
        <translation>; Verifizierungsfehler: %1</translation>
    </message>
    <message>
        <source>; certificate %1</source>
        <translation>; Zertifikat %1</translation>
    </message>
    <message>
        <source> (a staging server&apos;s certificate can be accepted explicitly)</source>
        <translation> (das Zertifikat eines Staging-Servers kann ausdrücklich akzeptiert werden)</translation>
    </message>
    <message>
        <source>%1: connection timed out after %2 ms</source>
        <translation>%1: Zeitüberschreitung der Verbindung nach %2 ms</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS-Handshake</translation>
    </message>
    <message>
        <source>%1 did not complete within %2 ms</source>
        <translation>%1: nicht innerhalb von %2 ms abgeschlossen</translation>
    </message>
    <message>
        <source>unexpected reply: %1</source>
        <translation>unerwartete Antwort: %1</translation>
    </message>
    <message>
        <source>%1: the greeting was &quot;%2&quot; instead of 220</source>
        <translation>%1: die Begrüßung lautete &quot;%2&quot; statt 220</translation>
    </message>
    <message>
        <source>EHLO refused with %1, falling back to HELO</source>
        <translation>EHLO mit %1 abgelehnt, Rückgriff auf HELO</translation>
    </message>
    <message>
        <source>%1: %2 was answered &quot;%3&quot;</source>
        <translation>%1: %2 wurde mit &quot;%3&quot; beantwortet</translation>
    </message>
    <message>
        <source>%1: TLS is required but the server does not advertise STARTTLS</source>
        <translation>%1: TLS ist erforderlich, aber der Server bietet kein STARTTLS an</translation>
    </message>
    <message>
        <source>STARTTLS not advertised; continuing without TLS</source>
        <translation>STARTTLS wird nicht angeboten; Fortsetzung ohne TLS</translation>
    </message>
    <message>
        <source>%1: STARTTLS was answered &quot;%2&quot; and TLS is required</source>
        <translation>%1: STARTTLS wurde mit &quot;%2&quot; beantwortet und TLS ist erforderlich</translation>
    </message>
    <message>
        <source>STARTTLS refused with %1; continuing without TLS</source>
        <translation>STARTTLS mit %1 abgelehnt; Fortsetzung ohne TLS</translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n byte(s) the server sent before the TLS handshake</source>
        <translation>
            <numerusform>%n Byte verworfen, das der Server vor dem TLS-Handshake gesendet hat</numerusform>
            <numerusform>%n Bytes verworfen, die der Server vor dem TLS-Handshake gesendet hat</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: credentials were given but the server does not advertise AUTH</source>
        <translation>%1: Zugangsdaten wurden angegeben, aber der Server bietet kein AUTH an</translation>
    </message>
    <message>
        <source>Sending credentials without TLS</source>
        <translation>Zugangsdaten werden ohne TLS gesendet</translation>
    </message>
    <message>
        <source>%1: authentication failed: &quot;%2&quot;</source>
        <translation>%1: Authentifizierung fehlgeschlagen: &quot;%2&quot;</translation>
    </message>
    <message numerus="yes">
        <source>… %n more body line(s) sent</source>
        <translation>
            <numerusform>… %n weitere Zeile des Nachrichtentexts gesendet</numerusform>
            <numerusform>… %n weitere Zeilen des Nachrichtentexts gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>reply to %1</source>
        <translation>Antwort auf %1</translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::AutosaveManager</name>
    <message>
        <source>Cannot create the autosave folder %1</source>
        <translation>Der Ordner für automatische Sicherungen %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::ClassifierFilesDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Bounce Classifier Files</source>
        <translation>Bounce-Klassifizierungsdateien</translation>
    </message>
    <message>
        <source>Rule files for &lt;tt&gt;kumo.configure_bounce_classifier&lt;/tt&gt; (TOML or JSON). Every outcome is labelled by the first rule that matches, in file order; a rewrite that moves a sample to &lt;i&gt;Uncategorized&lt;/i&gt; is reported under Problems.</source>
        <translation>Regeldateien für &lt;tt&gt;kumo.configure_bounce_classifier&lt;/tt&gt; (TOML oder JSON). Jedes Ergebnis erhält das Label der ersten passenden Regel, in Dateireihenfolge; ein Umschreiben, das eine Probe nach &lt;i&gt;Uncategorized&lt;/i&gt; verschiebt, wird unter „Probleme“ gemeldet.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add Bounce Classifier Files</source>
        <translation>Bounce-Klassifizierungsdateien hinzufügen</translation>
    </message>
    <message>
        <source>Classifier rules (*.toml *.json);;All files (*)</source>
        <translation>Klassifizierungsregeln (*.toml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>labels: %1, patterns: %2</source>
        <translation>Labels: %1, Muster: %2</translation>
    </message>
    <message>
        <source>No classifier: every outcome is labelled Uncategorized.</source>
        <translation>Keine Klassifizierung: Jedes Ergebnis erhält das Label Uncategorized.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) do not load; until fixed, outcomes are labelled Uncategorized.</source>
        <translation>
            <numerusform>%n Datei lässt sich nicht laden; bis zur Behebung erhalten Ergebnisse das Label Uncategorized.</numerusform>
            <numerusform>%n Dateien lassen sich nicht laden; bis zur Behebung erhalten Ergebnisse das Label Uncategorized.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) in total, tried in the order shown.</source>
        <translation>
            <numerusform>Insgesamt %n Muster, in der angezeigten Reihenfolge geprüft.</numerusform>
            <numerusform>Insgesamt %n Muster, in der angezeigten Reihenfolge geprüft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::MainWindow</name>
    <message>
        <source>DSN Workbench projects (*.dsnwb);;All files (*)</source>
        <translation>DSN-Workbench-Projekte (*.dsnwb);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The table KumoMTA loads, exactly as Export writes it. Edits here update the rules after a pause.</source>
        <translation>Die Tabelle, die KumoMTA lädt, genau so, wie der Export sie schreibt. Änderungen hier aktualisieren die Regeln nach einer kurzen Pause.</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>KumoMTA Table</source>
        <translation>KumoMTA-Tabelle</translation>
    </message>
    <message>
        <source>Lua Policy</source>
        <translation>Lua-Richtlinie</translation>
    </message>
    <message>
        <source>Sample Details</source>
        <translation>Probendetails</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>Start an empty project</source>
        <translation>Ein leeres Projekt beginnen</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Ein Projekt öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Example Project</source>
        <translation>&amp;Beispielprojekt öffnen</translation>
    </message>
    <message>
        <source>Open the example project that comes with the workbench</source>
        <translation>Das mit der Workbench mitgelieferte Beispielprojekt öffnen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>Das Projekt speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation>Das Projekt unter einem neuen Namen speichern</translation>
    </message>
    <message>
        <source>Export KumoMTA &amp;Table…</source>
        <translation>KumoMTA-&amp;Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Write the JSON table KumoMTA loads</source>
        <translation>Die JSON-Tabelle schreiben, die KumoMTA lädt</translation>
    </message>
    <message>
        <source>Export &amp;Lua Policy…</source>
        <translation>&amp;Lua-Richtlinie exportieren…</translation>
    </message>
    <message>
        <source>Write the Lua policy to a file</source>
        <translation>Die Lua-Richtlinie in eine Datei schreiben</translation>
    </message>
    <message>
        <source>&amp;Import Samples…</source>
        <translation>Proben &amp;importieren…</translation>
    </message>
    <message>
        <source>Add samples from a corpus, transcript or KumoMTA log file</source>
        <translation>Proben aus einem Korpus, einem Protokoll oder einer KumoMTA-Logdatei hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Paste Samples</source>
        <translation>&amp;Proben einfügen</translation>
    </message>
    <message>
        <source>Add the clipboard&apos;s replies, transcript or log records as samples</source>
        <translation>Antworten, Protokoll oder Log-Einträge aus der Zwischenablage als Proben hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <source>Quit the workbench</source>
        <translation>Die Workbench beenden</translation>
    </message>
    <message>
        <source>&amp;Re-evaluate All</source>
        <translation>&amp;Alle neu auswerten</translation>
    </message>
    <message>
        <source>Evaluate every sample again now</source>
        <translation>Alle Proben jetzt erneut auswerten</translation>
    </message>
    <message>
        <source>&amp;Quick Tour</source>
        <translation>&amp;Schnelltour</translation>
    </message>
    <message>
        <source>A one-minute tour of the panels</source>
        <translation>Eine einminütige Tour durch die Bereiche</translation>
    </message>
    <message>
        <source>&amp;About DSN Workbench</source>
        <translation>&amp;Über DSN Workbench</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>R&amp;ules</source>
        <translation>Re&amp;geln</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>documented</source>
        <translation>documented</translation>
    </message>
    <message>
        <source>2026.06</source>
        <translation>2026.06</translation>
    </message>
    <message>
        <source>Which KumoMTA behaviour to emulate: the documented one, or release 2026.06 (Ctrl+P switches)</source>
        <translation>Welches KumoMTA-Verhalten nachgebildet wird: das dokumentierte oder das von Release 2026.06 (Strg+P wechselt)</translation>
    </message>
    <message>
        <source>Default queue:</source>
        <translation>Standard-Warteschlange:</translation>
    </message>
    <message>
        <source>The queue name of samples that have none; the handler receives its domain, tenant, campaign and routing domain</source>
        <translation>Der Warteschlangenname für Proben ohne eigenen; der Handler erhält daraus Domain, Mandant, Kampagne und Routing-Domain</translation>
    </message>
    <message>
        <source>Samples whose expected outcome holds / does not hold; the same count as dsn-workbench-cli test</source>
        <translation>Proben, deren erwartetes Ergebnis zutrifft / nicht zutrifft; dieselbe Zählung wie bei dsn-workbench-cli test</translation>
    </message>
    <message>
        <source>Add captured samples</source>
        <translation>Mitgeschnittene Proben hinzufügen</translation>
    </message>
    <message>
        <source>KumoMTA table</source>
        <translation>KumoMTA-Tabelle</translation>
    </message>
    <message>
        <source>Edit KumoMTA table</source>
        <translation>KumoMTA-Tabelle bearbeiten</translation>
    </message>
    <message>
        <source>No expectations</source>
        <translation>Keine Erwartungen</translation>
    </message>
    <message>
        <source>Expectations: &lt;b style=&quot;color:%1&quot;&gt;%2 passed, %3 failed&lt;/b&gt;</source>
        <translation>Erwartungen: &lt;b style=&quot;color:%1&quot;&gt;%2 bestanden, %3 fehlgeschlagen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Policy edited: re-evaluating when you pause</source>
        <translation>Richtlinie bearbeitet: Neuauswertung bei der nächsten Pause</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Wird ausgewertet…</translation>
    </message>
    <message>
        <source>Outcomes up to date</source>
        <translation>Ergebnisse aktuell</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Example project</source>
        <translation>Beispielprojekt</translation>
    </message>
    <message>
        <source>The bundled example project is missing from this build.</source>
        <translation>Das mitgelieferte Beispielprojekt fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>example.dsnwb (bundled)</source>
        <translation>example.dsnwb (mitgeliefert)</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>The KumoMTA table view has an error; fix it before exporting.</source>
        <translation>Die Ansicht der KumoMTA-Tabelle enthält einen Fehler; bitte vor dem Export beheben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported the KumoMTA table to %1</source>
        <translation>KumoMTA-Tabelle nach %1 exportiert</translation>
    </message>
    <message>
        <source>Exported the Lua policy to %1</source>
        <translation>Lua-Richtlinie nach %1 exportiert</translation>
    </message>
    <message>
        <source>Add samples from %1</source>
        <translation>Proben aus %1 hinzufügen</translation>
    </message>
    <message>
        <source>Import samples from %1</source>
        <translation>Proben aus %1 importieren</translation>
    </message>
    <message>
        <source>The clipboard holds no text to turn into samples.</source>
        <translation>Die Zwischenablage enthält keinen Text, aus dem sich Proben machen lassen.</translation>
    </message>
    <message>
        <source>the clipboard</source>
        <translation>der Zwischenablage</translation>
    </message>
    <message>
        <source>Import Samples</source>
        <translation>Proben importieren</translation>
    </message>
    <message>
        <source>Replies, transcripts and logs (*.jsonl *.json *.log *.txt);;All files (*)</source>
        <translation>Antworten, Protokolle und Logs (*.jsonl *.json *.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>the dropped text</source>
        <translation>dem abgelegten Text</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 enthält ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Export KumoMTA Table</source>
        <translation>KumoMTA-Tabelle exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export KumoMTA table</source>
        <translation>KumoMTA-Tabelle exportieren</translation>
    </message>
    <message>
        <source>Export Lua Policy</source>
        <translation>Lua-Richtlinie exportieren</translation>
    </message>
    <message>
        <source>Lua (*.lua);;All files (*)</source>
        <translation>Lua (*.lua);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Lua policy</source>
        <translation>Lua-Richtlinie exportieren</translation>
    </message>
    <message>
        <source>an untitled project</source>
        <translation>einem unbenannten Projekt</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Ungespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message>
        <source>The workbench did not close cleanly. Unsaved changes to %1 from %2 were kept. Restore them?</source>
        <translation>Die Workbench wurde nicht ordnungsgemäß beendet. Ungespeicherte Änderungen an %1 vom %2 wurden aufbewahrt. Wiederherstellen?</translation>
    </message>
    <message>
        <source>About DSN Workbench</source>
        <translation>Über DSN Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DSN Workbench %1&lt;/h3&gt;&lt;p&gt;A workbench for KumoMTA delivery-status rewrite rules: edit the rules and the Lua policy, and see at once what every reply becomes.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DSN Workbench %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für KumoMTA-Regeln zum Umschreiben des Zustellstatus: Regeln und Lua-Richtlinie bearbeiten und sofort sehen, was aus jeder Antwort wird.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Proben</translation>
    </message>
    <message>
        <source>Log Replay</source>
        <translation>Log-Wiedergabe</translation>
    </message>
    <message>
        <source>The project&apos;s samples and their outcomes under the current rules</source>
        <translation>Die Proben des Projekts und ihre Ergebnisse unter den aktuellen Regeln</translation>
    </message>
    <message>
        <source>What the current rules would have changed in KumoMTA log files</source>
        <translation>Was die aktuellen Regeln in KumoMTA-Logdateien geändert hätten</translation>
    </message>
    <message>
        <source>Bounce &amp;Classifier Files…</source>
        <translation>Bounce-&amp;Klassifizierungsdateien…</translation>
    </message>
    <message>
        <source>Attach kumo.configure_bounce_classifier rule files to the project</source>
        <translation>Regeldateien für kumo.configure_bounce_classifier an das Projekt anhängen</translation>
    </message>
    <message>
        <source>Replay &amp;Logs…</source>
        <translation>Logs &amp;wiedergeben…</translation>
    </message>
    <message>
        <source>Replay KumoMTA log files through the current rules and see what would change</source>
        <translation>KumoMTA-Logdateien mit den aktuellen Regeln wiedergeben und sehen, was sich ändern würde</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>&amp;Proben</translation>
    </message>
    <message>
        <source>Show the samples and their outcomes</source>
        <translation>Die Proben und ihre Ergebnisse anzeigen</translation>
    </message>
    <message>
        <source>from log replay</source>
        <translation>aus der Log-Wiedergabe</translation>
    </message>
    <message>
        <source>Add replayed reply</source>
        <translation>Wiedergegebene Antwort hinzufügen</translation>
    </message>
    <message>
        <source>Added to the samples: %1</source>
        <translation>Zu den Proben hinzugefügt: %1</translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::OutcomeDelegate</name>
    <message>
        <source>%1 · unchanged</source>
        <translation>%1 · unverändert</translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::ProblemsPanel</name>
    <message>
        <source>Double-click or press Enter to go to the problem</source>
        <translation>Doppelklicken oder Eingabetaste drücken, um zum Problem zu springen</translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::QuickTourDialog</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Quick Tour</source>
        <translation>Schnelltour</translation>
    </message>
    <message>
        <source>Samples and outcomes</source>
        <translation>Proben und Ergebnisse</translation>
    </message>
    <message>
        <source>The middle of the window lists SMTP replies (samples) and what KumoMTA would make of each with the current rules and policy: the code before and after, the record type badge (filled when the policy changed the outcome), the rule that matched, with its span marked in the reply, the note KumoMTA appends and a one-sentence explanation. Every edit re-evaluates all samples in the background; rows waiting for their new result are dimmed.</source>
        <translation>In der Mitte des Fensters stehen SMTP-Antworten (Proben) und was KumoMTA mit den aktuellen Regeln und der aktuellen Richtlinie aus jeder einzelnen macht: der Code vorher und nachher, die Plakette mit dem Eintragstyp (ausgefüllt, wenn die Richtlinie das Ergebnis geändert hat), die passende Regel samt dem in der Antwort markierten Bereich, die Notiz, die KumoMTA anhängt, und eine Erklärung in einem Satz. Jede Änderung wertet alle Proben im Hintergrund neu aus; Zeilen, die auf ihr neues Ergebnis warten, werden abgeblendet dargestellt.</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>The Rules panel is the table KumoMTA loads: a Rust regex and the code it rewrites to. Rules are tried in table order. Invalid patterns, patterns KumoMTA would refuse and risky rewrites (a reputation or rate-limit deferral turned into a bounce) are marked in place and listed under Problems. Ctrl+Return adds a rule, Alt+Up/Down moves it, Ctrl+Z undoes.</source>
        <translation>Der Bereich „Regeln“ ist die Tabelle, die KumoMTA lädt: eine Rust-Regex und der Code, auf den sie umschreibt. Die Regeln werden in Tabellenreihenfolge probiert. Ungültige Muster, Muster, die KumoMTA ablehnen würde, und riskante Umschreibungen (eine Reputations- oder Ratenlimit-Rückstellung, die zu einem Bounce wird) werden direkt markiert und unter „Probleme“ aufgeführt. Strg+Eingabe fügt eine Regel hinzu, Alt+Pfeil hoch/runter verschiebt sie, Strg+Z macht rückgängig.</translation>
    </message>
    <message>
        <source>KumoMTA table</source>
        <translation>KumoMTA-Tabelle</translation>
    </message>
    <message>
        <source>The KumoMTA Table panel shows the exact JSON that File → Export KumoMTA Table writes. You can edit it too: after a pause the rules table follows.</source>
        <translation>Der Bereich „KumoMTA-Tabelle“ zeigt genau das JSON, das Datei → KumoMTA-Tabelle exportieren schreibt. Es lässt sich auch bearbeiten: Nach einer kurzen Pause zieht die Regeltabelle nach.</translation>
    </message>
    <message>
        <source>Lua policy</source>
        <translation>Lua-Richtlinie</translation>
    </message>
    <message>
        <source>The policy is the Lua that handles smtp_client_rewrite_delivery_status. It reloads when you pause typing; a syntax or runtime error is marked on its line and listed under Problems, and outcomes are never left showing results of an older policy.</source>
        <translation>Die Richtlinie ist der Lua-Code, der smtp_client_rewrite_delivery_status behandelt. Sie wird neu geladen, sobald beim Tippen eine Pause entsteht; ein Syntax- oder Laufzeitfehler wird in seiner Zeile markiert und unter „Probleme“ aufgeführt, und die Ergebnisse zeigen nie Resultate einer älteren Richtlinie an.</translation>
    </message>
    <message>
        <source>Adding samples</source>
        <translation>Proben hinzufügen</translation>
    </message>
    <message>
        <source>Paste replies, whole SMTP transcripts or KumoMTA JSON log records with Ctrl+Shift+V, drop files on the window, or use the Capture panel to run a transaction against the built-in sandbox or a staging server and turn its rejections into samples.</source>
        <translation>Antworten, ganze SMTP-Protokolle oder KumoMTA-JSON-Log-Einträge mit Strg+Umschalt+V einfügen, Dateien auf das Fenster ziehen oder im Bereich „Mitschnitt“ eine Transaktion gegen die eingebaute Sandbox oder einen Staging-Server ausführen und ihre Ablehnungen in Proben umwandeln.</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>Erwartungen</translation>
    </message>
    <message>
        <source>Right-click a sample to record the outcome you expect (Ctrl+E takes the current one). The status bar counts passing and failing expectations, exactly as dsn-workbench-cli test does in CI. The compatibility profile switch in the toolbar re-evaluates everything under KumoMTA&apos;s documented behaviour or the 2026.06 release.</source>
        <translation>Per Rechtsklick auf eine Probe das erwartete Ergebnis festhalten (Strg+E übernimmt das aktuelle). Die Statusleiste zählt bestandene und fehlgeschlagene Erwartungen, genau wie dsn-workbench-cli test in der CI. Der Schalter für das Kompatibilitätsprofil in der Werkzeugleiste wertet alles neu aus, wahlweise nach dem dokumentierten Verhalten von KumoMTA oder nach Release 2026.06.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Log replay</source>
        <translation>Log-Wiedergabe</translation>
    </message>
    <message>
        <source>Before deploying a change, replay real KumoMTA logs through it: the Log Replay tab (Ctrl+Shift+R) reads plain or zstd log files and folders on every core and shows how many deferrals would become bounces and the reverse, which rules did it, for which domains, and the replies no rule matched — any of which becomes a sample with one click.</source>
        <translation>Bevor Sie eine Änderung ausrollen, spielen Sie echte KumoMTA-Logs damit ab: Der Reiter „Log-Wiedergabe“ (Strg+Umschalt+R) liest einfache oder zstd-komprimierte Logdateien und Ordner auf allen Kernen und zeigt, wie viele Zurückstellungen zu Bounces würden und umgekehrt, welche Regeln das bewirkten, für welche Domains, und die Antworten, auf die keine Regel passte – jede davon wird mit einem Klick zur Probe.</translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::RuleCommand</name>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <source>Move rule</source>
        <translation>Regel verschieben</translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::RulesPanel</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a rule below the current one</source>
        <translation>Eine Regel unterhalb der aktuellen hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Duplicate the current rule</source>
        <translation>Die aktuelle Regel duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the current rule</source>
        <translation>Die aktuelle Regel löschen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move the rule up: KumoMTA tries rules in table order</source>
        <translation>Die Regel nach oben verschieben: KumoMTA probiert die Regeln in Tabellenreihenfolge</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move the rule down</source>
        <translation>Die Regel nach unten verschieben</translation>
    </message>
    <message>
        <source>Enable rule</source>
        <translation>Regel aktivieren</translation>
    </message>
    <message>
        <source>Disable rule</source>
        <translation>Regel deaktivieren</translation>
    </message>
    <message>
        <source>Edit pattern</source>
        <translation>Muster bearbeiten</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>Code bearbeiten</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Position %1: …%2</source>
        <translation>Position %1: …%2</translation>
    </message>
    <message>
        <source>Duplicate rule</source>
        <translation>Regel duplizieren</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s), %1 in the KumoMTA table</source>
        <translation>
            <numerusform>%n Regel, %1 in der KumoMTA-Tabelle</numerusform>
            <numerusform>%n Regeln, %1 in der KumoMTA-Tabelle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::SampleCommand</name>
    <message numerus="yes">
        <source>Delete %n sample(s)</source>
        <translation>
            <numerusform>%n Probe löschen</numerusform>
            <numerusform>%n Proben löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::SampleDetailPane</name>
    <message>
        <source>Select a sample to see how KumoMTA would handle it, step by step.</source>
        <translation>Eine Probe auswählen, um Schritt für Schritt zu sehen, wie KumoMTA sie behandeln würde.</translation>
    </message>
    <message>
        <source>Raw reply (%1)</source>
        <translation>Rohantwort (%1)</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>Noch nicht ausgewertet.</translation>
    </message>
    <message>
        <source>This result is from before the latest edit; the new one is being computed.</source>
        <translation>Dieses Ergebnis stammt von vor der letzten Änderung; das neue wird gerade berechnet.</translation>
    </message>
    <message>
        <source>The line the event receives</source>
        <translation>Die Zeile, die das Ereignis erhält</translation>
    </message>
    <message>
        <source>Event arguments</source>
        <translation>Ereignisargumente</translation>
    </message>
    <message>
        <source>The handler returned</source>
        <translation>Rückgabe des Handlers</translation>
    </message>
    <message>
        <source>Rules that match:</source>
        <translation>Passende Regeln:</translation>
    </message>
    <message>
        <source>Ambiguous:</source>
        <translation>Mehrdeutig:</translation>
    </message>
    <message>
        <source>these patterns disagree and KumoMTA picks one at random; it may return %1.</source>
        <translation>Diese Muster widersprechen sich und KumoMTA wählt zufällig eines davon; es kann %1 zurückgeben.</translation>
    </message>
    <message>
        <source>The event is not called for this reply.</source>
        <translation>Für diese Antwort wird das Ereignis nicht aufgerufen.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>KumoMTA log record</source>
        <translation>KumoMTA-Log-Eintrag</translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::SamplesPanel</name>
    <message>
        <source>Filter responses, queues, notes…</source>
        <translation>Antworten, Warteschlangen, Notizen filtern…</translation>
    </message>
    <message>
        <source>Shows only samples whose response, queue, note, explanation or matched pattern contains this text (Ctrl+Shift+F)</source>
        <translation>Zeigt nur Proben, deren Antwort, Warteschlange, Notiz, Erklärung oder passendes Muster diesen Text enthält (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Only samples whose code the policy rewrote</source>
        <translation>Nur Proben, deren Code die Richtlinie umgeschrieben hat</translation>
    </message>
    <message>
        <source>Bounces</source>
        <translation>Bounces</translation>
    </message>
    <message>
        <source>Only samples that end as a Bounce</source>
        <translation>Nur Proben, die als Bounce enden</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>Ohne Treffer</translation>
    </message>
    <message>
        <source>Only samples no rule matched</source>
        <translation>Nur Proben, auf die keine Regel gepasst hat</translation>
    </message>
    <message>
        <source>Only:</source>
        <translation>Nur:</translation>
    </message>
    <message>
        <source>Delete Samples</source>
        <translation>Proben löschen</translation>
    </message>
    <message>
        <source>Copy Responses</source>
        <translation>Antworten kopieren</translation>
    </message>
    <message>
        <source>Expect Current Outcome</source>
        <translation>Aktuelles Ergebnis erwarten</translation>
    </message>
    <message>
        <source>Records what the selected samples become now as their expected outcome</source>
        <translation>Übernimmt das, was jetzt aus den ausgewählten Proben wird, als ihr erwartetes Ergebnis</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n Probe</numerusform>
            <numerusform>%n Proben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 angezeigt</translation>
    </message>
    <message>
        <source>evaluating…</source>
        <translation>wird ausgewertet…</translation>
    </message>
    <message>
        <source>Expect current outcome</source>
        <translation>Aktuelles Ergebnis erwarten</translation>
    </message>
    <message>
        <source>Expect</source>
        <translation>Erwarten</translation>
    </message>
    <message>
        <source>Bounce</source>
        <translation>Bounce</translation>
    </message>
    <message>
        <source>TransientFailure</source>
        <translation>TransientFailure</translation>
    </message>
    <message>
        <source>Unchanged (not rewritten)</source>
        <translation>Unverändert (nicht umgeschrieben)</translation>
    </message>
    <message>
        <source>Rewritten</source>
        <translation>Umgeschrieben</translation>
    </message>
    <message>
        <source>No Expectation</source>
        <translation>Keine Erwartung</translation>
    </message>
    <message>
        <source>Edit queue</source>
        <translation>Warteschlange bearbeiten</translation>
    </message>
</context>
<context>
    <name>Dsn::Workbench::WorkbenchDocument</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>EventRegistry</name>
    <message>
        <source>%1 event already has a handler defined at %2:%3</source>
        <translation>%1 event already has a handler defined at %2:%3</translation>
    </message>
</context>
<context>
    <name>Expectation</name>
    <message>
        <source>expected %1, got %2</source>
        <translation>erwartet %1, erhalten %2</translation>
    </message>
    <message>
        <source>expected code %1, got %2</source>
        <translation>erwartet Code %1, erhalten %2</translation>
    </message>
    <message>
        <source>expected a rewrite, got none</source>
        <translation>Umschreibung erwartet, aber keine erfolgt</translation>
    </message>
    <message>
        <source>expected no rewrite, got one</source>
        <translation>keine Umschreibung erwartet, aber eine erfolgt</translation>
    </message>
</context>
<context>
    <name>ImportResult</name>
    <message>
        <source>SMTP replies</source>
        <translation>SMTP-Antworten</translation>
    </message>
    <message>
        <source>a session transcript</source>
        <translation>einem Sitzungsprotokoll</translation>
    </message>
    <message>
        <source>KumoMTA log records</source>
        <translation>KumoMTA-Log-Einträgen</translation>
    </message>
    <message>
        <source>corpus JSON lines</source>
        <translation>Korpus-JSON-Zeilen</translation>
    </message>
    <message>
        <source>mixed input</source>
        <translation>gemischter Eingabe</translation>
    </message>
    <message>
        <source>empty input</source>
        <translation>leerer Eingabe</translation>
    </message>
    <message>
        <source>No samples found</source>
        <translation>Keine Proben gefunden</translation>
    </message>
    <message>
        <source>1 sample from %1</source>
        <translation>1 Probe aus %1</translation>
    </message>
    <message>
        <source>%n samples from %1</source>
        <translation>%n Proben aus %1</translation>
    </message>
    <message>
        <source>1 record of another type ignored</source>
        <translation>1 Eintrag eines anderen Typs ignoriert</translation>
    </message>
    <message>
        <source>%n records of other types ignored</source>
        <translation>%n Einträge anderer Typen ignoriert</translation>
    </message>
    <message>
        <source>1 line skipped</source>
        <translation>1 Zeile übersprungen</translation>
    </message>
    <message>
        <source>%n lines skipped</source>
        <translation>%n Zeilen übersprungen</translation>
    </message>
</context>
<context>
    <name>JsonText</name>
    <message>
        <source>parsing %1 as json: %2</source>
        <translation>parsing %1 as json: %2</translation>
    </message>
</context>
<context>
    <name>KumoJson</name>
    <message>
        <source>the file is not bound to the project and no project folder is set</source>
        <translation>the file is not bound to the project and no project folder is set</translation>
    </message>
    <message>
        <source>No such file or directory (os error 2)</source>
        <translation>No such file or directory (os error 2)</translation>
    </message>
    <message>
        <source>outside the project folder %1; bind the file to the project instead</source>
        <translation>outside the project folder %1; bind the file to the project instead</translation>
    </message>
    <message>
        <source>the file is larger than the policy&apos;s memory limit</source>
        <translation>the file is larger than the policy&apos;s memory limit</translation>
    </message>
    <message>
        <source> at line %1 column %2</source>
        <translation> at line %1 column %2</translation>
    </message>
    <message>
        <source>reading file %1: %2</source>
        <translation>reading file %1: %2</translation>
    </message>
</context>
<context>
    <name>KumoOn</name>
    <message>
        <source>Attempting to register an event handler via `kumo.on(&apos;%1&apos;, ...)` from within the event handler &apos;%2&apos;. You must move your event handler registration so that it is setup directly when the policy is loaded in order for it to consistently trigger and handle events.</source>
        <translation>Attempting to register an event handler via `kumo.on(&apos;%1&apos;, ...)` from within the event handler &apos;%2&apos;. You must move your event handler registration so that it is setup directly when the policy is loaded in order for it to consistently trigger and handle events.</translation>
    </message>
</context>
<context>
    <name>KumoRequire</name>
    <message>
        <source>module &apos;%1&apos; is provided by KumoMTA and not emulated by the workbench: calls to it are recorded and do nothing</source>
        <translation>module &apos;%1&apos; is provided by KumoMTA and not emulated by the workbench: calls to it are recorded and do nothing</translation>
    </message>
    <message>
        <source>
	(no module folder is configured for this project)</source>
        <translation>
	(no module folder is configured for this project)</translation>
    </message>
    <message>
        <source>
	(C modules are not supported by the workbench)</source>
        <translation>
	(C modules are not supported by the workbench)</translation>
    </message>
</context>
<context>
    <name>KumoStubs</name>
    <message>
        <source>%1(…) belongs to a KumoMTA module the workbench does not emulate: the call was recorded and did nothing</source>
        <translation>%1(…) gehört zu einem KumoMTA-Modul, das die Workbench nicht nachbildet: Der Aufruf wurde aufgezeichnet und hat nichts bewirkt</translation>
    </message>
    <message>
        <source>%1(…) is not emulated by the workbench: the call was recorded and did nothing</source>
        <translation>%1(…) wird von der Workbench nicht nachgebildet: Der Aufruf wurde aufgezeichnet und hat nichts bewirkt</translation>
    </message>
</context>
<context>
    <name>LogFileList</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no such file or directory</source>
        <translation>Datei oder Verzeichnis nicht gefunden</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
</context>
<context>
    <name>LogGenerator</name>
    <message>
        <source>cannot use corpus %1: %2</source>
        <translation>Korpus %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>no line has a &quot;lines&quot; array</source>
        <translation>keine Zeile hat ein &quot;lines&quot;-Array</translation>
    </message>
    <message>
        <source>a record count or a size is needed</source>
        <translation>eine Anzahl von Einträgen oder eine Größe wird benötigt</translation>
    </message>
</context>
<context>
    <name>LogReader</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <source>the zstd data ends in the middle of a frame</source>
        <translation>die zstd-Daten enden mitten in einem Frame</translation>
    </message>
    <message>
        <source>zstd: %1</source>
        <translation>zstd: %1</translation>
    </message>
    <message>
        <source>zstd: a frame needs a window of %1 MiB; at most %2 MiB are allowed</source>
        <translation>zstd: ein Frame braucht ein Fenster von %1 MiB; erlaubt sind höchstens %2 MiB</translation>
    </message>
</context>
<context>
    <name>LogRecord</name>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>ungültiges JSON an Offset %1: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the record has no &quot;type&quot;</source>
        <translation>der Eintrag hat keinen &quot;type&quot;</translation>
    </message>
    <message>
        <source>the failure record has no SMTP response code</source>
        <translation>der Fehlereintrag hat keinen SMTP-Antwortcode</translation>
    </message>
</context>
<context>
    <name>LogWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>zstd: %1</source>
        <translation>zstd: %1</translation>
    </message>
</context>
<context>
    <name>LuaState</name>
    <message>
        <source>instruction limit exceeded: the policy ran more than %1 Lua instructions in one call</source>
        <translation>Anweisungslimit überschritten: Die Richtlinie hat in einem Aufruf mehr als %1 Lua-Anweisungen ausgeführt</translation>
    </message>
    <message>
        <source>time limit exceeded: the policy ran longer than %1 ms in one call</source>
        <translation>Zeitlimit überschritten: Die Richtlinie lief in einem Aufruf länger als %1 ms</translation>
    </message>
    <message>
        <source>memory limit exceeded: the policy needed more than %1 MiB (%2)</source>
        <translation>Speicherlimit überschritten: Die Richtlinie benötigte mehr als %1 MiB (%2)</translation>
    </message>
</context>
<context>
    <name>OutcomeSummary</name>
    <message>
        <source>1 sample</source>
        <translation>1 Probe</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 Proben</translation>
    </message>
    <message>
        <source>1 rewritten</source>
        <translation>1 umgeschrieben</translation>
    </message>
    <message>
        <source>%1 rewritten</source>
        <translation>%1 umgeschrieben</translation>
    </message>
    <message>
        <source>1 unmatched</source>
        <translation>1 ohne Treffer</translation>
    </message>
    <message>
        <source>%1 unmatched</source>
        <translation>%1 ohne Treffer</translation>
    </message>
    <message>
        <source>1 ambiguous</source>
        <translation>1 mehrdeutig</translation>
    </message>
    <message>
        <source>%1 ambiguous</source>
        <translation>%1 mehrdeutig</translation>
    </message>
    <message>
        <source>1 profile-sensitive</source>
        <translation>1 profilabhängig</translation>
    </message>
    <message>
        <source>%1 profile-sensitive</source>
        <translation>%1 profilabhängig</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
</context>
<context>
    <name>PolicyEvaluator</name>
    <message>
        <source>profile-sensitive: under %1 this sample is a %2</source>
        <translation>profilabhängig: unter %1 ergibt diese Probe %2</translation>
    </message>
    <message>
        <source> (the event is not called)</source>
        <translation> (das Ereignis wird nicht aufgerufen)</translation>
    </message>
    <message>
        <source> (the event is called)</source>
        <translation> (das Ereignis wird aufgerufen)</translation>
    </message>
    <message>
        <source>The reply is malformed (%1), so KumoMTA records a 400 TransientFailure without calling the event.</source>
        <translation>Die Antwort ist fehlerhaft (%1), daher protokolliert KumoMTA ein 400 TransientFailure, ohne das Ereignis aufzurufen.</translation>
    </message>
    <message>
        <source>the policy failed to load: %1</source>
        <translation>die Richtlinie konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The policy did not load, so no handler ran and the %1 reply stands.</source>
        <translation>Die Richtlinie wurde nicht geladen, daher lief kein Handler und die %1-Antwort bleibt bestehen.</translation>
    </message>
    <message>
        <source>The policy registers no smtp_client_rewrite_delivery_status handler, so the %1 reply stands.</source>
        <translation>Die Richtlinie registriert keinen Handler für smtp_client_rewrite_delivery_status, daher bleibt die %1-Antwort bestehen.</translation>
    </message>
    <message>
        <source>The handler raised an error, so KumoMTA keeps the original %1.</source>
        <translation>Der Handler hat einen Fehler ausgelöst, daher behält KumoMTA den ursprünglichen Code %1.</translation>
    </message>
    <message>
        <source>The handler returned %1, which is not a status code, so KumoMTA keeps the original %2.</source>
        <translation>Der Handler hat %1 zurückgegeben, was kein Statuscode ist, daher behält KumoMTA den ursprünglichen Code %2.</translation>
    </message>
    <message>
        <source>No rule matched</source>
        <translation>Keine Regel hat gepasst</translation>
    </message>
    <message>
        <source>Rule %1 (%2) matched</source>
        <translation>Regel %1 (%2) hat gepasst</translation>
    </message>
    <message>
        <source>%1 and the handler returned the same code %2, so nothing changes.</source>
        <translation>%1, und der Handler hat denselben Code %2 zurückgegeben, daher ändert sich nichts.</translation>
    </message>
    <message>
        <source>%1 and the handler returned nil, so the %2 reply stands.</source>
        <translation>%1, und der Handler hat nil zurückgegeben, daher bleibt die %2-Antwort bestehen.</translation>
    </message>
    <message>
        <source>The handler returned %1 instead of %2.</source>
        <translation>Der Handler hat %1 statt %2 zurückgegeben.</translation>
    </message>
    <message>
        <source>Rule %1 (%2) matched and the handler returned %3 instead of %4.</source>
        <translation>Regel %1 (%2) hat gepasst und der Handler hat %3 statt %4 zurückgegeben.</translation>
    </message>
    <message>
        <source>Other matching rules return different values, and KumoMTA may pick any of them.</source>
        <translation>Andere passende Regeln liefern andere Werte, und KumoMTA kann jeden davon wählen.</translation>
    </message>
    <message>
        <source>KumoMTA logs it as a TransientFailure and tries again later.</source>
        <translation>KumoMTA protokolliert dies als TransientFailure und versucht es später erneut.</translation>
    </message>
    <message>
        <source>The message body is sent next; no failure is recorded.</source>
        <translation>Als Nächstes wird der Nachrichtentext gesendet; es wird kein Fehler protokolliert.</translation>
    </message>
    <message>
        <source>The rewrite also changes the bounce classification from %1 to %2.</source>
        <translation>Das Umschreiben ändert außerdem die Bounce-Klassifizierung von %1 auf %2.</translation>
    </message>
</context>
<context>
    <name>PolicyRuntime</name>
    <message>
        <source>%1(…) is not emulated by the workbench: where this line runs, the call is recorded and does nothing</source>
        <translation>%1(…) wird von der Workbench nicht nachgebildet: Wo diese Zeile ausgeführt wird, wird der Aufruf aufgezeichnet und bewirkt nichts</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <source>%1 is not a DSN Workbench project (expected a JSON object)</source>
        <translation>%1 ist kein DSN-Workbench-Projekt (JSON-Objekt erwartet)</translation>
    </message>
    <message>
        <source>%1 is not a DSN Workbench project (&quot;format&quot; is not &quot;%2&quot;)</source>
        <translation>%1 ist kein DSN-Workbench-Projekt (&quot;format&quot; ist nicht &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>%1 has project format version %2; this build reads version %3</source>
        <translation>%1 hat die Projektformatversion %2; dieser Build liest Version %3</translation>
    </message>
    <message>
        <source>unknown compatibility profile &quot;%1&quot; (expected documented or 2026.06)</source>
        <translation>unbekanntes Kompatibilitätsprofil &quot;%1&quot; (erwartet: documented oder 2026.06)</translation>
    </message>
    <message>
        <source>rule %1 has no &quot;pattern&quot; string</source>
        <translation>Regel %1 hat keine Zeichenkette &quot;pattern&quot;</translation>
    </message>
    <message>
        <source>sample %1 has no &quot;response&quot; string</source>
        <translation>Probe %1 hat keine Zeichenkette &quot;response&quot;</translation>
    </message>
    <message>
        <source>sample %1 has an unknown phase &quot;%2&quot;</source>
        <translation>Probe %1 hat eine unbekannte Phase &quot;%2&quot;</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>classifier file %1 is not a file name</source>
        <translation>Klassifizierungsdatei %1 ist kein Dateiname</translation>
    </message>
</context>
<context>
    <name>RegexRule</name>
    <message>
        <source>%1: a rules table must be a JSON object of pattern → value</source>
        <translation>%1: Eine Regeltabelle muss ein JSON-Objekt aus Muster → Wert sein</translation>
    </message>
</context>
<context>
    <name>ReplayEngine</name>
    <message>
        <source>line longer than %1 bytes, skipped</source>
        <translation>Zeile länger als %1 Bytes, übersprungen</translation>
    </message>
    <message>
        <source>replay failed: %1</source>
        <translation>Wiedergabe fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ReplayPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>deferrals</source>
        <translation>Zurückstellungen</translation>
    </message>
    <message>
        <source>bounces</source>
        <translation>Bounces</translation>
    </message>
    <message>
        <source>deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <source>expirations</source>
        <translation>Ablauffälle</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1-Einträge</translation>
    </message>
</context>
<context>
    <name>ReplaySummary</name>
    <message>
        <source>
Top destination domains (records, rewritten, changed, unmatched):
</source>
        <translation>
Häufigste Zieldomains (Einträge, umgeschrieben, geändert, ohne Treffer):
</translation>
    </message>
    <message>
        <source>
Top sites (records, rewritten, changed, unmatched):
</source>
        <translation>
Häufigste Sites (Einträge, umgeschrieben, geändert, ohne Treffer):
</translation>
    </message>
    <message>
        <source>
Top tenants (records, rewritten, changed, unmatched):
</source>
        <translation>
Häufigste Mandanten (Einträge, umgeschrieben, geändert, ohne Treffer):
</translation>
    </message>
    <message>
        <source>
Top campaigns (records, rewritten, changed, unmatched):
</source>
        <translation>
Häufigste Kampagnen (Einträge, umgeschrieben, geändert, ohne Treffer):
</translation>
    </message>
    <message>
        <source>not a replay summary (expected &quot;format&quot;: &quot;dsn-replay-summary&quot;, version 1)</source>
        <translation>keine Wiedergabe-Zusammenfassung (erwartet: &quot;format&quot;: &quot;dsn-replay-summary&quot;, Version 1)</translation>
    </message>
    <message>
        <source>Records: %1 (%2), malformed lines: %3
</source>
        <translation>Einträge: %1 (%2), fehlerhafte Zeilen: %3
</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Failures replayed: %1 (KumoMTA-internal, not evaluated: %2); rewritten by the policy: %3; different from the log: %4; no rule matched: %5; policy errors: %6
</source>
        <translation>Wiedergegebene Fehler: %1 (KumoMTA-intern, nicht ausgewertet: %2); von der Richtlinie umgeschrieben: %3; abweichend vom Log: %4; keine Regel passte: %5; Richtlinienfehler: %6
</translation>
    </message>
    <message>
        <source>
Record type, logged → now:
</source>
        <translation>
Eintragstyp, protokolliert → jetzt:
</translation>
    </message>
    <message>
        <source>
Matches per rule (table index, pattern):
</source>
        <translation>
Treffer pro Regel (Tabellenindex, Muster):
</translation>
    </message>
    <message>
        <source>
Top replies no rule matched (variable parts masked):
</source>
        <translation>
Häufigste Antworten ohne passende Regel (variable Teile maskiert):
</translation>
    </message>
    <message>
        <source>
Malformed lines (first %1):
</source>
        <translation>
Fehlerhafte Zeilen (erste %1):
</translation>
    </message>
    <message>
        <source>
Bounce classification, before → after the rewrite:
</source>
        <translation>
Bounce-Klassifizierung, vor → nach dem Umschreiben:
</translation>
    </message>
</context>
<context>
    <name>ReplyReader</name>
    <message>
        <source>reply line longer than %1 bytes</source>
        <translation>Antwortzeile länger als %1 Bytes</translation>
    </message>
    <message>
        <source>reply larger than %1 bytes</source>
        <translation>Antwort größer als %1 Bytes</translation>
    </message>
    <message>
        <source>reply has more than %1 lines</source>
        <translation>Antwort hat mehr als %1 Zeilen</translation>
    </message>
</context>
<context>
    <name>RustRegexTranslator</name>
    <message>
        <source>Boost.Regex and PCRE accept this pattern, but KumoMTA&apos;s Rust regex refuses it (%1), so KumoMTA would refuse the whole table</source>
        <translation>Boost.Regex and PCRE accept this pattern, but KumoMTA&apos;s Rust regex refuses it (%1), so KumoMTA would refuse the whole table</translation>
    </message>
    <message>
        <source>U+%1 is unassigned in Unicode %2, which the workbench uses; KumoMTA&apos;s regex may know case variants of it that (?i) matches, so results here can differ</source>
        <translation>U+%1 ist in Unicode %2, das die Workbench verwendet, nicht vergeben; KumoMTAs Regex kennt womöglich Groß-/Kleinvarianten davon, die (?i) trifft, daher können die Ergebnisse hier abweichen</translation>
    </message>
    <message>
        <source>Unicode 17 folds U+%1 and U+%2 together, Unicode %3 (which the workbench uses) does not; under (?i) KumoMTA&apos;s regex may match both, so results here can differ</source>
        <translation>Unicode 17 faltet U+%1 und U+%2 zusammen, Unicode %3 (das die Workbench verwendet) nicht; unter (?i) trifft KumoMTAs Regex womöglich beide, daher können die Ergebnisse hier abweichen</translation>
    </message>
</context>
<context>
    <name>SampleImporter</name>
    <message>
        <source>not an SMTP reply: &quot;%1&quot;</source>
        <translation>keine SMTP-Antwort: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the reply has no final &quot;%1 &quot; line; imported as it is</source>
        <translation>die Antwort hat keine abschließende &quot;%1 &quot;-Zeile; unverändert importiert</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>ungültiges JSON: %1</translation>
    </message>
    <message>
        <source>invalid JSON: not an object</source>
        <translation>ungültiges JSON: kein Objekt</translation>
    </message>
    <message>
        <source>element %1: </source>
        <translation>Element %1: </translation>
    </message>
    <message>
        <source>element %1: not a JSON object</source>
        <translation>Element %1: kein JSON-Objekt</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the import limit of %2</source>
        <translation>%1 ist größer als das Importlimit von %2</translation>
    </message>
    <message>
        <source>%1 is not a text file</source>
        <translation>%1 ist keine Textdatei</translation>
    </message>
    <message>
        <source>a JSON object that is neither a KumoMTA log record nor a corpus line</source>
        <translation>ein JSON-Objekt, das weder ein KumoMTA-Log-Eintrag noch eine Korpuszeile ist</translation>
    </message>
    <message>
        <source>the %1 record has no SMTP response code</source>
        <translation>der %1-Eintrag hat keinen SMTP-Antwortcode</translation>
    </message>
    <message>
        <source>the JSON object has an empty reply</source>
        <translation>das JSON-Objekt hat eine leere Antwort</translation>
    </message>
    <message>
        <source>unknown phase &quot;%1&quot;; using %2</source>
        <translation>unbekannte Phase &quot;%1&quot;; %2 wird verwendet</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <source>this Qt has no TLS backend</source>
        <translation>dieses Qt hat kein TLS-Backend</translation>
    </message>
    <message>
        <source>no PEM certificate in %1</source>
        <translation>kein PEM-Zertifikat in %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no unencrypted RSA or EC PEM key in %1</source>
        <translation>kein unverschlüsselter RSA- oder EC-PEM-Schlüssel in %1</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 4 MiB</source>
        <translation>%1 ist größer als 4 MiB</translation>
    </message>
    <message>
        <source>a scenario is a JSON object</source>
        <translation>ein Szenario ist ein JSON-Objekt</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos;</source>
        <translation>unbekannter Schlüssel &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;format&apos; must be %1 (this version of the sandbox reads format %1)</source>
        <translation>&apos;format&apos; muss %1 sein (diese Version der Sandbox liest Format %1)</translation>
    </message>
    <message>
        <source>&apos;hostname&apos; must be one word</source>
        <translation>&apos;hostname&apos; muss ein einzelnes Wort sein</translation>
    </message>
    <message>
        <source>&apos;ehlo&apos; must be an array of capability strings</source>
        <translation>&apos;ehlo&apos; muss ein Array von Capability-Zeichenketten sein</translation>
    </message>
    <message>
        <source>&apos;ehlo&apos; entries must be non-empty one-line strings</source>
        <translation>Einträge in &apos;ehlo&apos; müssen nicht leere, einzeilige Zeichenketten sein</translation>
    </message>
    <message>
        <source>unknown limit &apos;%1&apos;</source>
        <translation>unbekanntes Limit &apos;%1&apos;</translation>
    </message>
    <message>
        <source>limit &apos;%1&apos; must be a whole number from %2 to %3</source>
        <translation>Limit &apos;%1&apos; muss eine ganze Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <source>&apos;tls&apos; needs exactly &apos;certificate&apos; and &apos;key&apos; (file paths)</source>
        <translation>&apos;tls&apos; benötigt genau &apos;certificate&apos; und &apos;key&apos; (Dateipfade)</translation>
    </message>
    <message>
        <source>&apos;rules&apos; must be an array</source>
        <translation>&apos;rules&apos; muss ein Array sein</translation>
    </message>
</context>
<context>
    <name>ScenarioRule</name>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos;</source>
        <translation>unbekannter Schlüssel &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown phase &apos;%1&apos; (use connect, EHLO, STARTTLS, MAIL FROM, RCPT TO, DATA, end of data, RSET or QUIT)</source>
        <translation>unbekannte Phase &apos;%1&apos; (connect, EHLO, STARTTLS, MAIL FROM, RCPT TO, DATA, end of data, RSET oder QUIT verwenden)</translation>
    </message>
    <message>
        <source>&apos;match&apos; must be an object</source>
        <translation>&apos;match&apos; muss ein Objekt sein</translation>
    </message>
    <message>
        <source>unknown match key &apos;%1&apos;</source>
        <translation>unbekannter match-Schlüssel &apos;%1&apos;</translation>
    </message>
    <message>
        <source>match &apos;%1&apos; must be a string (a regular expression)</source>
        <translation>match &apos;%1&apos; muss eine Zeichenkette sein (ein regulärer Ausdruck)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not known yet at phase %2</source>
        <translation>&apos;%1&apos; ist in Phase %2 noch nicht bekannt</translation>
    </message>
    <message>
        <source>match &apos;%1&apos;: %2</source>
        <translation>match &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>&apos;action&apos; must be &quot;reply&quot; or &quot;drop&quot;</source>
        <translation>&apos;action&apos; muss &quot;reply&quot; oder &quot;drop&quot; sein</translation>
    </message>
    <message>
        <source>&apos;delay_ms&apos; must be a whole number from 0 to 600000</source>
        <translation>&apos;delay_ms&apos; muss eine ganze Zahl von 0 bis 600000 sein</translation>
    </message>
    <message>
        <source>a rule needs a &apos;reply&apos; unless its action is &quot;drop&quot;</source>
        <translation>eine Regel benötigt ein &apos;reply&apos;, außer ihre action ist &quot;drop&quot;</translation>
    </message>
    <message>
        <source>DATA is accepted with 354, not a 2xx reply</source>
        <translation>DATA wird mit 354 angenommen, nicht mit einer 2xx-Antwort</translation>
    </message>
    <message>
        <source>a 3xx reply only makes sense for DATA</source>
        <translation>eine 3xx-Antwort ist nur bei DATA sinnvoll</translation>
    </message>
    <message>
        <source>&apos;state&apos; must be an object with one of &apos;greylist&apos;, &apos;rate_limit&apos; or &apos;quota&apos;</source>
        <translation>&apos;state&apos; muss ein Objekt mit genau einem von &apos;greylist&apos;, &apos;rate_limit&apos; oder &apos;quota&apos; sein</translation>
    </message>
    <message>
        <source>unknown greylist key &apos;%1&apos;</source>
        <translation>unbekannter greylist-Schlüssel &apos;%1&apos;</translation>
    </message>
    <message>
        <source>greylisting applies at MAIL FROM or RCPT TO</source>
        <translation>Greylisting greift bei MAIL FROM oder RCPT TO</translation>
    </message>
    <message>
        <source>greylist times must be whole seconds, with retry_window_s ≥ retry_after_s</source>
        <translation>Greylist-Zeiten müssen ganze Sekunden sein, mit retry_window_s ≥ retry_after_s</translation>
    </message>
    <message>
        <source>unknown rate_limit key &apos;%1&apos;</source>
        <translation>unbekannter rate_limit-Schlüssel &apos;%1&apos;</translation>
    </message>
    <message>
        <source>rate_limit &apos;count&apos; must be &quot;messages&quot; or &quot;connections&quot;</source>
        <translation>rate_limit &apos;count&apos; muss &quot;messages&quot; oder &quot;connections&quot; sein</translation>
    </message>
    <message>
        <source>rate_limit needs &apos;max&apos; from 1 to 1000000 and a positive &apos;window_s&apos;</source>
        <translation>rate_limit benötigt &apos;max&apos; von 1 bis 1000000 und ein positives &apos;window_s&apos;</translation>
    </message>
    <message>
        <source>rate_limit &apos;per&apos; must be &quot;client&quot; or &quot;server&quot;</source>
        <translation>rate_limit &apos;per&apos; muss &quot;client&quot; oder &quot;server&quot; sein</translation>
    </message>
    <message>
        <source>unknown quota key &apos;%1&apos;</source>
        <translation>unbekannter quota-Schlüssel &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a mailbox quota applies at RCPT TO, DATA or end of data</source>
        <translation>ein Postfachkontingent greift bei RCPT TO, DATA oder end of data</translation>
    </message>
    <message>
        <source>quota &apos;bytes&apos; must be a positive whole number</source>
        <translation>quota &apos;bytes&apos; muss eine positive ganze Zahl sein</translation>
    </message>
    <message>
        <source>unknown state &apos;%1&apos;</source>
        <translation>unbekannter state &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>ScriptedReply</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos;</source>
        <translation>unbekannter Schlüssel &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;lines&apos; gives the verbatim reply; do not mix it with &apos;code&apos;/&apos;text&apos;</source>
        <translation>&apos;lines&apos; gibt die Antwort wörtlich an; nicht mit &apos;code&apos;/&apos;text&apos; mischen</translation>
    </message>
    <message>
        <source>&apos;lines&apos; must hold strings without line breaks</source>
        <translation>&apos;lines&apos; muss Zeichenketten ohne Zeilenumbrüche enthalten</translation>
    </message>
    <message>
        <source>&apos;lines&apos; is empty</source>
        <translation>&apos;lines&apos; ist leer</translation>
    </message>
    <message>
        <source>line %1: only the last line may use &apos;NNN &apos;, the others &apos;NNN-&apos;</source>
        <translation>Zeile %1: nur die letzte Zeile darf &apos;NNN &apos; verwenden, die anderen &apos;NNN-&apos;</translation>
    </message>
    <message>
        <source>code %1 is outside 200–599</source>
        <translation>Code %1 liegt außerhalb von 200–599</translation>
    </message>
    <message>
        <source>&apos;code&apos; must be an integer from 200 to 599</source>
        <translation>&apos;code&apos; muss eine ganze Zahl von 200 bis 599 sein</translation>
    </message>
    <message>
        <source>&apos;enhanced&apos; must look like &quot;4.2.2&quot;</source>
        <translation>&apos;enhanced&apos; muss wie &quot;4.2.2&quot; aussehen</translation>
    </message>
    <message>
        <source>enhanced code %1 does not match reply code %2</source>
        <translation>erweiterter Statuscode %1 passt nicht zum Antwortcode %2</translation>
    </message>
    <message>
        <source>&apos;text&apos; lines must be strings</source>
        <translation>&apos;text&apos;-Zeilen müssen Zeichenketten sein</translation>
    </message>
    <message>
        <source>&apos;text&apos; must be a string or an array of strings</source>
        <translation>&apos;text&apos; muss eine Zeichenkette oder ein Array von Zeichenketten sein</translation>
    </message>
    <message>
        <source>put each line in its own &apos;text&apos; entry instead of a line break</source>
        <translation>jede Zeile in einen eigenen &apos;text&apos;-Eintrag setzen statt einen Zeilenumbruch zu verwenden</translation>
    </message>
    <message>
        <source>a reply line is longer than %1 bytes</source>
        <translation>eine Antwortzeile ist länger als %1 Bytes</translation>
    </message>
</context>
<context>
    <name>SmtpResponse</name>
    <message>
        <source>empty reply</source>
        <translation>leere Antwort</translation>
    </message>
    <message>
        <source>line %1 is longer than %2 bytes</source>
        <translation>Zeile %1 ist länger als %2 Bytes</translation>
    </message>
</context>
<context>
    <name>TableLinter</name>
    <message>
        <source>the value %1 is not an integer; KumoMTA truncates it</source>
        <translation>der Wert %1 ist keine ganze Zahl; KumoMTA schneidet die Nachkommastellen ab</translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; is not an SMTP code</source>
        <translation>der Wert &quot;%1&quot; ist kein SMTP-Code</translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; is a string; KumoMTA accepts it as the number %1, but write it as a number</source>
        <translation>der Wert &quot;%1&quot; ist eine Zeichenkette; KumoMTA akzeptiert ihn als Zahl %1, er sollte aber als Zahl geschrieben werden</translation>
    </message>
    <message>
        <source>the value is not a number (%1); KumoMTA keeps the original reply and logs an error</source>
        <translation>der Wert ist keine Zahl (%1); KumoMTA behält die ursprüngliche Antwort und protokolliert einen Fehler</translation>
    </message>
    <message>
        <source>%1 is not an SMTP reply code between 200 and 599</source>
        <translation>%1 ist kein SMTP-Antwortcode zwischen 200 und 599</translation>
    </message>
    <message>
        <source>regex parse error: %1</source>
        <translation>Fehler beim Parsen der Regex: %1</translation>
    </message>
    <message>
        <source> (Boost.Regex and PCRE accept this pattern, but KumoMTA&apos;s Rust regex does not: KumoMTA would refuse the whole table)</source>
        <translation> (Boost.Regex und PCRE akzeptieren dieses Muster, die Rust-Regex von KumoMTA aber nicht: KumoMTA würde die gesamte Tabelle ablehnen)</translation>
    </message>
    <message>
        <source> (KumoMTA would refuse the whole table)</source>
        <translation> (KumoMTA würde die gesamte Tabelle ablehnen)</translation>
    </message>
    <message>
        <source>the pattern repeats rule %1; in a JSON table only one of them survives</source>
        <translation>das Muster wiederholt Regel %1; in einer JSON-Tabelle bleibt nur eine davon erhalten</translation>
    </message>
    <message>
        <source>it means the same as rule %1</source>
        <translation>bedeutet dasselbe wie Regel %1</translation>
    </message>
    <message>
        <source>rule %1 matches every reply</source>
        <translation>Regel %1 passt auf jede Antwort</translation>
    </message>
    <message>
        <source>every match contains &quot;%1&quot;, which rule %2 already matches</source>
        <translation>jeder Treffer enthält &quot;%1&quot;, worauf bereits Regel %2 passt</translation>
    </message>
    <message>
        <source>never the first match: %1 (same value)</source>
        <translation>nie der erste Treffer: %1 (gleicher Wert)</translation>
    </message>
    <message>
        <source>never the first match: %1; KumoMTA may return either value</source>
        <translation>nie der erste Treffer: %1; KumoMTA kann jeden der beiden Werte zurückgeben</translation>
    </message>
    <message>
        <source>rewriting to %1 records a failed delivery as delivered and drops the message</source>
        <translation>das Umschreiben auf %1 verbucht eine fehlgeschlagene Zustellung als zugestellt und verwirft die Nachricht</translation>
    </message>
    <message>
        <source>rewrites a temporary reputation or rate-limit deferral to a permanent %1 and bounces the message, e.g. &quot;%2&quot;</source>
        <translation>schreibt eine vorübergehende Reputations- oder Ratenlimit-Rückstellung in ein dauerhaftes %1 um und lässt die Nachricht als Bounce enden, z. B. &quot;%2&quot;</translation>
    </message>
    <message>
        <source>4.7.x replies are mostly policy, reputation and rate-limit deferrals; rewriting them to %1 bounces mail a retry would deliver</source>
        <translation>4.7.x-Antworten sind meist Richtlinien-, Reputations- und Ratenlimit-Rückstellungen; sie auf %1 umzuschreiben, weist E-Mails ab, die ein erneuter Versuch zustellen würde</translation>
    </message>
    <message>
        <source>the pattern requires an enhanced code of class %1 but rewrites to %2; the reply will carry both</source>
        <translation>das Muster verlangt einen erweiterten Statuscode der Klasse %1, schreibt aber auf %2 um; die Antwort enthält dann beide</translation>
    </message>
    <message>
        <source>matches the literal \r\n the documented profile puts between reply lines; KumoMTA 2026.06 joins lines with a space, so there this rule never matches</source>
        <translation>passt auf das literale \r\n, das das Profil documented zwischen Antwortzeilen setzt; KumoMTA 2026.06 verbindet die Zeilen mit einem Leerzeichen, dort passt diese Regel also nie</translation>
    </message>
    <message>
        <source>looks for the literal \r\n of the documented profile; under 2026.06 (this project&apos;s profile) reply lines are joined with a space, so this rule never matches</source>
        <translation>sucht nach dem literalen \r\n des Profils documented; unter 2026.06 (dem Profil dieses Projekts) werden Antwortzeilen mit einem Leerzeichen verbunden, daher passt diese Regel nie</translation>
    </message>
    <message>
        <source>looks for a real line break, but the event&apos;s single line never contains one (documented: literal \r\n text; 2026.06: spaces)</source>
        <translation>sucht nach einem echten Zeilenumbruch, aber die einzelne Zeile des Ereignisses enthält nie einen (documented: literaler Text \r\n; 2026.06: Leerzeichen)</translation>
    </message>
    <message>
        <source>expects the enhanced code %1 again on a continuation line; only the documented profile keeps it there (2026.06 removes it)</source>
        <translation>erwartet den erweiterten Statuscode %1 erneut in einer Folgezeile; nur das Profil documented behält ihn dort (2026.06 entfernt ihn)</translation>
    </message>
    <message>
        <source>the pattern %1 appears again (first on line %2); the JSON object keeps only the last value</source>
        <translation>das Muster %1 kommt erneut vor (zuerst in Zeile %2); das JSON-Objekt behält nur den letzten Wert</translation>
    </message>
</context>
<context>
    <name>TransactionEvaluator</name>
    <message>
        <source>The final dot was answered %1: the message was delivered and the event is not called.</source>
        <translation>Der abschließende Punkt wurde mit %1 beantwortet: Die Nachricht wurde zugestellt und das Ereignis wird nicht aufgerufen.</translation>
    </message>
    <message>
        <source>The run failed at %1 (%2), outside MAIL FROM, RCPT TO, DATA and the final dot: KumoMTA logs its own %3 response as a TransientFailure and never calls the event.</source>
        <translation>Der Durchlauf ist bei %1 (%2) fehlgeschlagen, außerhalb von MAIL FROM, RCPT TO, DATA und dem abschließenden Punkt: KumoMTA protokolliert seine eigene %3-Antwort als TransientFailure und ruft das Ereignis nie auf.</translation>
    </message>
    <message>
        <source>no decision</source>
        <translation>keine Entscheidung</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Workbench for KumoMTA delivery-status rewrite rules.</source>
        <translation>Werkbank für KumoMTA-Regeln zum Umschreiben des Zustellstatus.</translation>
    </message>
    <message>
        <source>Project file (.dsnwb) to open.</source>
        <translation>Zu öffnende Projektdatei (.dsnwb).</translation>
    </message>
    <message>
        <source>Open the bundled example project.</source>
        <translation>Das mitgelieferte Beispielprojekt öffnen.</translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;file&gt; and quit.</source>
        <translation>Ein Bild des Fensters in &lt;file&gt; speichern und beenden.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Replay KumoMTA log files or folders through the project&apos;s rules in the Log Replay tab (repeatable).</source>
        <translation>KumoMTA-Logdateien oder -Ordner im Reiter „Log-Wiedergabe“ mit den Regeln des Projekts abspielen (mehrfach angebbar).</translation>
    </message>
</context>
</TS>
