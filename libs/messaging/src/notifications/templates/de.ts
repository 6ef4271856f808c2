import type { TemplateSet } from './template-set';

export const de: TemplateSet = {
  footer:
    'KMU-Exportprogramm, Handelsagentur. Sie erhalten diese Nachricht wegen Ihrer Teilnahme am Programm.',
  greeting: 'Guten Tag {{name}},',
  open: 'Öffnen: {{link}}',
  templates: {
    'first-contact.assignee': {
      subject: 'Erinnerung: Erstkontakt mit {{companyName}} bis {{dueDate}}',
      body: 'Bitte nehmen Sie bis {{dueDate}} den Erstkontakt mit {{companyName}} auf und erfassen Sie das Gespräch im Vorgang.',
    },
    'first-contact.officer': {
      subject: 'Eskalation: kein Erstkontakt mit {{companyName}} seit {{dueDate}}',
      body: 'Der Erstkontakt mit {{companyName}} war am {{dueDate}} fällig und wurde von {{assigneeName}} nicht erfasst. Bitte prüfen Sie den Vorgang.',
    },
    're-audit.assignee': {
      subject: 'Erneutes Audit für {{companyName}} am {{dueDate}} fällig',
      body: 'Das regelmäßige Bereitschafts-Audit von {{companyName}} ist am {{dueDate}} fällig. Bitte vereinbaren Sie es mit dem Unternehmen.',
    },
    'training-promoted.sme': {
      subject: 'Sie haben einen Platz: „{{moduleTitle}}“ am {{sessionStartsAt}}',
      body: 'Ein Platz ist frei geworden, und Ihre Buchung von „{{moduleTitle}}“ für {{companyName}} von der Warteliste ist jetzt bestätigt. Die Sitzung beginnt am {{sessionStartsAt}}. Wenn Sie nicht mehr teilnehmen können, stornieren Sie die Buchung bitte, damit das nächste wartende Unternehmen den Platz erhält.',
    },
    'training-overdue.sme': {
      subject: 'Ihr Schulungsmodul „{{moduleTitle}}“ ist überfällig',
      body: 'Sie haben „{{moduleTitle}}“ gebucht, das bis {{dueDate}} abzuschließen war. Bitte schließen Sie es ab oder wenden Sie sich an Ihre Beratung.',
    },
    'training-overdue.assignee': {
      subject: 'Schulung überfällig: {{companyName}} hat „{{moduleTitle}}“ nicht abgeschlossen',
      body: '{{companyName}} hat „{{moduleTitle}}“ (fällig am {{dueDate}}) nicht abgeschlossen. Bitte nehmen Sie Kontakt auf.',
    },
    'dormant-case.assignee': {
      subject: 'Kein aktueller Kontakt mit {{companyName}}',
      body: 'Seit {{anchorDate}} gab es keinen Kontakt mit {{companyName}}. Bitte melden Sie sich beim Unternehmen oder vermerken Sie den Grund.',
    },
    'dormant-case.officer': {
      subject: 'Eskalation: ruhender Vorgang {{companyName}}',
      body: 'Im Vorgang {{companyName}} (Beratung {{assigneeName}}) gab es seit {{anchorDate}} keinen Kontakt. Bitte prüfen Sie ihn.',
    },
    'next-step-due.assignee': {
      subject: 'Nächster Schritt fällig am {{dueDate}}: {{companyName}}',
      body: 'Der mit {{companyName}} vereinbarte nächste Schritt ist am {{dueDate}} fällig: {{nextStep}}',
    },
    'stage-review.assignee': {
      subject: 'Stufeneinstufung von {{companyName}} wartet auf Ihre Prüfung',
      body: 'Eine markierte Stufeneinstufung von {{companyName}} wartet seit {{anchorDate}} auf Ihre Prüfung.',
    },
    'stage-review.officer': {
      subject: 'Eskalation: Stufenprüfung von {{companyName}} überfällig',
      body: '{{assigneeName}} hat die markierte Einstufung von {{companyName}} seit {{anchorDate}} nicht geprüft.',
    },
    'company-invitation.sme': {
      subject: 'Ihr Platz im KMU-Exportprogramm: {{companyName}}',
      body: '{{adviserName}} hat nach Ihrem Gespräch einen Antrag von {{companyName}} für das KMU-Exportprogramm begonnen. Um fortzufahren, erstellen Sie Ihr Konto, prüfen Sie die notierten Angaben und geben Sie Ihre Einwilligung: {{link}} (der Link gilt bis {{expiresOn}}). Bis dahin wird nichts in Ihrem Namen eingereicht.',
    },
    'case-opened.sme': {
      subject: 'Anmeldung angenommen: {{companyName}} nimmt am Programm teil',
      body: 'Vielen Dank, dass Sie {{companyName}} für das KMU-Exportprogramm angemeldet haben. Ihre Anmeldung erfüllt die Voraussetzungen und Ihr Fall ist eröffnet. Wir wählen jetzt eine Beraterin oder einen Berater, die oder der Ihre Branche und Zielmärkte kennt und sich innerhalb von 5 Arbeitstagen bei Ihnen meldet. Den Stand Ihres Falls sehen Sie auf Ihrer Startseite.',
    },
    'stage-changed-back.sme': {
      subject: 'Ihre Exportstufe wurde aktualisiert: {{stageName}}',
      body: 'Ihre Beratung hat die Exportstufe von {{companyName}} geprüft und als {{stageName}} erfasst (bisher: {{previousStageName}}). Das ist keine Bewertung: So passt unsere Unterstützung zu Ihrer jetzigen Lage. Ihre Beratung stimmt die nächsten Schritte mit Ihnen ab; Ihren Fortschritt sehen Sie unter {{link}}.',
    },
    'stage-changed.sme': {
      subject: 'Herzlichen Glückwunsch: Sie sind jetzt {{stageName}}',
      body: 'Ihr Unternehmen {{companyName}} hat eine neue Exportstufe erreicht: {{stageName}}. Ihre Beratung meldet sich zu den nächsten Schritten.',
    },
    'account.confirm-email': {
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse, um die Registrierung abzuschließen',
      body: 'Jemand (hoffentlich Sie) hat mit dieser E-Mail-Adresse ein Konto für das KMU-Exportprogramm beantragt. Folgen Sie innerhalb von {{hours}} Stunden dem Link, um die Adresse zu bestätigen und das Konto einzurichten. Waren Sie es nicht, ignorieren Sie diese E-Mail: Es wird kein Konto angelegt.',
    },
    'account.registration-attempt': {
      subject: 'Jemand hat versucht, sich mit Ihrer E-Mail-Adresse zu registrieren',
      body: 'Jemand hat versucht, mit dieser E-Mail-Adresse ein neues Konto für das KMU-Exportprogramm anzulegen. Für diese Adresse gibt es bereits ein Konto. Waren Sie es, melden Sie sich mit Ihrem bestehenden Konto an. Waren Sie es nicht, müssen Sie nichts tun: Ihr Konto ist unverändert.',
    },
    'security.sign-in-attack': {
      subject: 'Möglicher Angriff: wiederholt fehlgeschlagene Anmeldungen',
      body: 'In der letzten Stunde gab es {{failures}} fehlgeschlagene Anmeldungen gegen {{target}}. Diese Clients werden jetzt gebremst; Geräte, die sich schon einmal angemeldet haben, können sich weiter anmelden. Prüfen Sie das Prüfprotokoll und wenden Sie sich an die Kontoinhaberin oder den Kontoinhaber, wenn die Versuche weitergehen. Sie erhalten höchstens eine solche Nachricht pro Stunde für jedes Konto und jede Adresse.',
    },
    'case-unassigned.officer': {
      subject: 'Keine Beratung konnte {{companyName}} übernehmen: Bitte weisen Sie den Fall zu',
      body: 'Keine Beratung hatte Kapazität für den neuen Fall von {{companyName}}, daher wartet er auf die Programmleitung. Bitte weisen Sie ihn zu oder schaffen Sie bei einer Beratung Platz dafür.',
    },
    'case-closed.sme': {
      subject: 'Ihr Unterstützungsfall für {{companyName}} ist abgeschlossen',
      body: 'Ihre Beraterin oder Ihr Berater hat den Unterstützungsfall von {{companyName}} abgeschlossen. Grund: {{reason}}. Ihre Exportstufe, Ergebnisse und Historie bleiben erhalten, und der Fall kann wieder geöffnet werden, wenn Sie weitere Hilfe brauchen.',
    },
    'case-reopened.sme': {
      subject: 'Ihr Unterstützungsfall für {{companyName}} ist wieder geöffnet',
      body: 'Der Unterstützungsfall von {{companyName}} wurde wieder geöffnet. Ihre Beraterin oder Ihr Berater meldet sich wegen der nächsten Schritte.',
    },
    'satisfaction-survey.sme': {
      subject: 'Wie war die Unterstützung? Fünf kurze Fragen zum Fall von {{companyName}}',
      body: 'Ihr Unterstützungsfall ist abgeschlossen. Bitte sagen Sie uns, wie es war: fünf kurze Fragen, ohne Anmeldung. Der Link gilt bis zum {{expiresOn}}: {{surveyLink}}',
    },
    'satisfaction-survey-reminder.sme': {
      subject: 'Erinnerung: Wie war die Unterstützung?',
      body: 'Wir würden gern noch erfahren, wie die Unterstützung für {{companyName}} war. Die Umfrage dauert zwei Minuten und braucht keine Anmeldung. Der Link gilt bis zum {{expiresOn}}: {{surveyLink}}',
    },
    'closure-proposed.assignee': {
      subject: 'Abschluss des Falls {{companyName}} erwägen',
      body: '{{companyName}} war während der gesamten Erinnerungsfolge für ruhende Fälle nicht erreichbar. Wenn die Kontaktversuche gescheitert sind, schließen Sie den Fall mit dem Grund „nicht erreichbar“ ab, oder erfassen Sie den erfolgten Kontakt.',
    },
    'opportunity-stale.assignee': {
      subject: 'Exportchance von {{companyName}} in {{market}} aktualisieren',
      body: 'Die Exportchance „{{product}}“ in {{market}} von {{companyName}} war vor dem {{dueDate}} erwartet und ist noch offen. Erfassen Sie, ob sie gewonnen, verloren oder aufgegeben wurde, oder geben Sie ein neues erwartetes Datum an.',
    },
    'export-win-verification.sme': {
      subject: 'Bitte bestätigen Sie Ihren Exporterfolg mit {{customerName}}',
      body: 'Ihre Beraterin oder Ihr Berater hat einen Exporterfolg von {{companyName}} mit {{customerName}} im Gesamtwert von {{total}} erfasst. Bitte teilen Sie uns mit, ob das stimmt und wie hilfreich unsere Unterstützung war: Es dauert eine Minute und ohne Anmeldung. Der Link funktioniert einmal, bis zum {{expiresOn}}: {{link}}',
    },
    'win-verification-unanswered.sme': {
      subject: 'Erinnerung: Bitte bestätigen Sie Ihren Exporterfolg mit {{customerName}}',
      body: 'Wir wissen noch nicht, ob der Exporterfolg von {{companyName}} mit {{customerName}} im Gesamtwert von {{total}} stimmt. Bitte bestätigen Sie ihn oder sagen Sie uns, was nicht stimmt: Es dauert eine Minute und ohne Anmeldung. Der Link funktioniert einmal, bis zum {{expiresOn}}: {{verifyLink}}',
    },
    'win-verification-expired.assignee': {
      subject: 'Der Exporterfolg von {{companyName}} mit {{customerName}} wurde nicht bestätigt',
      body: 'Der Link, mit dem {{companyName}} den Exporterfolg mit {{customerName}} ({{total}}) bestätigen sollte, ist am {{expiresOn}} ohne Antwort abgelaufen. Solange das Unternehmen ihn nicht bestätigt, zählt der Erfolg nur als gemeldet. Senden Sie den Link erneut oder korrigieren Sie den Erfolg; dann wird das Unternehmen erneut gefragt: {{winsLink}}',
    },
    'generic.remind': {
      subject: 'Erinnerung: {{description}} fällig am {{dueDate}}',
      body: '{{description}} für {{companyName}} ist am {{dueDate}} fällig.',
    },
    'generic.escalate': {
      subject: 'Eskalation: {{description}} überfällig',
      body: '{{description}} für {{companyName}} war am {{dueDate}} fällig und ist noch offen.',
    },
    'introduction-request.expert': {
      subject: 'Können Sie {{companyName}} helfen? Eine Vorstellung aus dem Exportprogramm für KMU',
      body: '{{adviserName}}, Beratung im Exportprogramm für KMU, möchte Sie mit {{companyName}} (Branche: {{sector}}) bekannt machen. Worum es im Gespräch gehen würde: {{purpose}}. Zum Annehmen, wobei Ihre Kontaktdaten und die des Unternehmens ausgetauscht werden: {{acceptLink}} Zum Ablehnen: {{declineLink}} Die Links gelten bis zum {{expiresOn}}. Wir geben nichts über Sie weiter, bevor Sie zusagen.',
    },
    'introduction-accepted.expert': {
      subject: 'Vorstellung angenommen: So erreichen Sie {{companyName}}',
      body: 'Danke, dass Sie die Vorstellung bei {{companyName}} angenommen haben. Ansprechperson ist {{contactName}}, {{contactEmail}}. Worüber das Unternehmen sprechen möchte: {{purpose}}. Ihre Daten haben wir dem Unternehmen ebenfalls gesendet. Die Beratung hat {{adviserName}} ({{adviserEmail}}).',
    },
    'introduction-accepted.sme': {
      subject: 'Eine Fachperson spricht mit {{companyName}}: {{expertName}}',
      body: '{{expertName}}{{expertOrganisationPart}} hat über Ihre Beratung {{adviserName}} eine Vorstellung bei {{companyName}} angenommen. Sie erreichen die Fachperson unter {{expertEmail}}{{expertPhonePart}}. Worum es im Gespräch geht: {{purpose}}.',
    },
    'introduction-request.peer': {
      subject:
        'Kann Ihre Erfahrung {{companyName}} helfen? Eine Vorstellung unter Unternehmen aus dem Exportprogramm für KMU',
      body: '{{adviserName}}, Beratung im Exportprogramm für KMU, möchte Ihr Unternehmen, das bereits exportiert und anderen seine Hilfe angeboten hat, mit {{companyName}} (Branche: {{sector}}) bekannt machen. Worum es im Gespräch gehen würde: {{purpose}}. Zum Annehmen, wobei Ihre Kontaktdaten und die des Unternehmens ausgetauscht werden: {{acceptLink}} Zum Ablehnen: {{declineLink}} Die Links gelten bis zum {{expiresOn}}. Wir geben Ihre Kontaktdaten nicht weiter, bevor Sie zusagen.',
    },
    'introduction-accepted.sme-peer': {
      subject: 'Ein exportierendes Unternehmen spricht mit {{companyName}}: {{expertName}}',
      body: '{{expertName}}, ein Unternehmen des Programms, das bereits exportiert, hat über Ihre Beratung {{adviserName}} eine Vorstellung bei {{companyName}} angenommen. Sie erreichen {{contactName}} unter {{expertEmail}}. Worum es im Gespräch geht: {{purpose}}.',
    },
    'introduction-accepted.adviser': {
      subject: '{{expertName}} hat die Vorstellung bei {{companyName}} angenommen',
      body: '{{expertName}} hat Ihre Vorstellung bei {{companyName}} angenommen. Beide Seiten haben die Kontaktdaten der anderen erhalten, und der Verlauf des Falls hält es fest.',
    },
    'introduction-declined.adviser': {
      subject: '{{expertName}} hat die Vorstellung bei {{companyName}} abgelehnt',
      body: '{{expertName}} hat Ihre Vorstellung bei {{companyName}} abgelehnt. Der nächstbeste, für diesen Fall noch nicht gefragte Vorschlag ist {{nextExpertName}}{{nextExpertOrganisationPart}}. Sie können diese Fachperson mit demselben Zweck mit einem Klick auf der Seite mit den Fachleuten des Falls fragen.',
    },
    'introduction-declined-no-match.adviser': {
      subject: '{{expertName}} hat die Vorstellung bei {{companyName}} abgelehnt',
      body: '{{expertName}} hat Ihre Vorstellung bei {{companyName}} abgelehnt. Derzeit kann keine weitere vorgeschlagene Fachperson für diesen Fall gefragt werden; die Seite mit den Fachleuten des Falls zeigt, wen Sie später fragen können.',
    },
    'introduction-unanswered.adviser': {
      subject: 'Keine Antwort von {{expertName}} zu {{companyName}}',
      body: '{{expertName}} hat Ihre Vorstellung bei {{companyName}} nicht rechtzeitig beantwortet; sie gilt nun als unbeantwortet, und der Link sagt das. Der nächstbeste, für diesen Fall noch nicht gefragte Vorschlag ist {{nextExpertName}}{{nextExpertOrganisationPart}}. Sie können diese Fachperson mit demselben Zweck mit einem Klick auf der Seite mit den Fachleuten des Falls fragen.',
    },
    'introduction-unanswered-no-match.adviser': {
      subject: 'Keine Antwort von {{expertName}} zu {{companyName}}',
      body: '{{expertName}} hat Ihre Vorstellung bei {{companyName}} nicht rechtzeitig beantwortet; sie gilt nun als unbeantwortet, und der Link sagt das. Derzeit kann keine weitere vorgeschlagene Fachperson für diesen Fall gefragt werden; die Seite mit den Fachleuten des Falls zeigt, wen Sie später fragen können.',
    },
    'introduction-rating.sme': {
      subject: 'Hat Ihnen das Gespräch mit {{expertName}} geholfen?',
      body: 'Vor einigen Wochen hat das KMU-Exportprogramm {{companyName}} mit {{expertName}} bekannt gemacht. Bitte sagen Sie uns in einer Minute, ob es geholfen hat (eine Bewertung von 1 bis 5 und gern ein Kommentar): {{ratingLink}} Der Link funktioniert einmal.',
    },
    'introduction-rating.expert': {
      subject: 'Hat sich Ihre Vorstellung bei {{companyName}} gelohnt?',
      body: 'Danke, dass Sie über das KMU-Exportprogramm mit {{companyName}} gesprochen haben. Bitte sagen Sie uns in einer Minute, ob es sich gelohnt hat (eine Bewertung von 1 bis 5 und gern ein Kommentar): {{ratingLink}} Der Link funktioniert einmal.',
    },
    'introduction-request-sme.adviser': {
      subject: '{{companyName}} bittet um eine Vorstellung bei {{expertName}}',
      body: '{{companyName}} möchte {{expertName}} vorgestellt werden, der für den Fall vorgeschlagenen Fachperson. Worüber das Unternehmen sprechen möchte: {{purpose}}. Genehmigen Sie die Anfrage (dann wird die Fachperson mit diesem Zweck gefragt) oder lehnen Sie sie auf der Seite mit den Fachleuten des Falls ab.',
    },
    'introduction-request-declined.sme': {
      subject: 'Ihre Anfrage, mit {{expertName}} zu sprechen',
      body: 'Ihre Beratung hat Ihre Anfrage, {{expertName}} vorgestellt zu werden ({{purpose}}), diesmal nicht weiterverfolgt. Ihre Beratung kann Ihnen den Grund nennen und andere Hilfe vorschlagen.',
    },
    'partner-referral.partner': {
      subject: 'Vermittlung aus dem KMU-Exportprogramm: {{companyName}}',
      body: '{{adviserName}} vom KMU-Exportprogramm vermittelt {{companyName}} an {{partnerName}}. Grund: {{reason}}. Das Unternehmen ist einverstanden, dass wir Ihnen seine Daten geben: Ansprechperson ist {{contactName}}, {{contactEmail}}. Bitte bestätigen Sie, dass Sie die Vermittlung annehmen (der Link gilt bis {{expiresOn}}): {{acceptLink}} Wenn Sie mit dem Unternehmen gearbeitet haben, teilen Sie uns bitte das Ergebnis mit: {{resultLink}}',
    },
    'partner-referral-unanswered.partner': {
      subject: 'Erinnerung: Vermittlung von {{companyName}} aus dem KMU-Exportprogramm',
      body: 'Wir wissen noch nicht, ob {{partnerName}} die Vermittlung von {{companyName}} annimmt. Grund der Vermittlung: {{reason}}. Bitte nehmen Sie sie an (der Link gilt bis {{expiresOn}}): {{acceptLink}}',
    },
    'partner-referral-unanswered.assignee': {
      subject: '{{partnerName}} hat auf die Vermittlung von {{companyName}} nicht geantwortet',
      body: '{{partnerName}} hat die Vermittlung von {{companyName}} trotz Erinnerung nicht angenommen. Rufen Sie dort an oder vermitteln Sie das Unternehmen an einen anderen Partner: {{referralsLink}}',
    },
    'partner-referral-accepted.adviser': {
      subject: '{{partnerName}} hat die Vermittlung von {{companyName}} angenommen',
      body: '{{partnerName}} hat Ihre Vermittlung von {{companyName}} angenommen und meldet das Ergebnis, sobald mit dem Unternehmen gearbeitet wurde; die Vermittlungsseite des Falls zeigt es: {{link}}',
    },
    'partner-referral-helped.adviser': {
      subject: '{{partnerName}} hat {{companyName}} geholfen',
      body: '{{partnerName}} meldet, dass es {{companyName}} geholfen hat. Notiz: {{note}} Der Fall verzeichnet es: {{link}}',
    },
    'partner-referral-not-able-to-help.adviser': {
      subject: '{{partnerName}} konnte {{companyName}} nicht helfen',
      body: '{{partnerName}} meldet, dass es {{companyName}} nicht helfen konnte. Notiz: {{note}} Vermitteln Sie das Unternehmen gegebenenfalls an einen anderen Partner: {{link}}',
    },
    'partner-referral-no-response.adviser': {
      subject: '{{companyName}} hat {{partnerName}} nicht geantwortet',
      body: '{{partnerName}} meldet, dass {{companyName}} nicht geantwortet hat. Notiz: {{note}} Der Fall verzeichnet es: {{link}}',
    },
    'expert-invitation.expert': {
      subject: 'Einladung in das Exportprogramm für KMU als Fachperson',
      body: '{{inviterName}} lädt Sie in das Netzwerk der Fachleute des Exportprogramms für KMU ein, die kleinen Unternehmen mit etwas Zeit beim Export helfen. Um die Bedingungen des Programms zu lesen und anzunehmen, Ihr Konto anzulegen und Ihr Profil zu vervollständigen (Sprachen, Fachgebiete, Märkte, wie viele Vorstellungen im Monat passen): {{link}} Der Link gilt einmal, bis zum {{expiresOn}}. Sie können jederzeit pausieren oder das Programm verlassen.',
    },
  },
};
