import type { TemplateSet } from './template-set';

export const en: TemplateSet = {
  footer: 'SME Export Programme, Trade Agency. You receive this because of your work on the programme.',
  greeting: 'Dear {{name}},',
  open: 'Open: {{link}}',
  templates: {
    'first-contact.assignee': {
      subject: 'Reminder: first contact with {{companyName}} due {{dueDate}}',
      body: 'Please make first contact with {{companyName}} by {{dueDate}}. Log the interaction on the case once you have spoken to them.',
    },
    'first-contact.officer': {
      subject: 'Escalation: no first contact with {{companyName}} since {{dueDate}}',
      body: 'First contact with {{companyName}} was due on {{dueDate}} and has not been logged by {{assigneeName}}. Please review the case.',
    },
    're-audit.assignee': {
      subject: 'Re-audit due for {{companyName}} on {{dueDate}}',
      body: 'The periodic readiness re-audit of {{companyName}} is due on {{dueDate}}. Please arrange it with the company.',
    },
    'training-promoted.sme': {
      subject: 'You have a place: "{{moduleTitle}}" on {{sessionStartsAt}}',
      body: 'A place has become free and your waitlisted booking of "{{moduleTitle}}" for {{companyName}} is now confirmed. The session starts on {{sessionStartsAt}}. If you can no longer attend, please cancel the booking so the place goes to the next company waiting.',
    },
    'training-overdue.sme': {
      subject: 'Your training module "{{moduleTitle}}" is overdue',
      body: 'You booked "{{moduleTitle}}", which was due to be completed by {{dueDate}}. Please complete it or contact your adviser to rebook.',
    },
    'training-overdue.assignee': {
      subject: 'Training overdue: {{companyName}} has not completed "{{moduleTitle}}"',
      body: '{{companyName}} has not completed "{{moduleTitle}}", due on {{dueDate}}. Please get in touch with them.',
    },
    'dormant-case.assignee': {
      subject: 'No recent interaction with {{companyName}}',
      body: 'There has been no interaction with {{companyName}} since {{anchorDate}}. Please contact the company or record why the case is quiet.',
    },
    'dormant-case.officer': {
      subject: 'Escalation: dormant case {{companyName}}',
      body: 'The case of {{companyName}} (adviser {{assigneeName}}) has had no interaction since {{anchorDate}}. Please review it.',
    },
    'next-step-due.assignee': {
      subject: 'Next step due {{dueDate}}: {{companyName}}',
      body: 'The next step agreed with {{companyName}} is due on {{dueDate}}: {{nextStep}}',
    },
    'stage-review.assignee': {
      subject: 'Stage classification of {{companyName}} awaits your review',
      body: 'A stage classification of {{companyName}} was flagged for review and is waiting for you since {{anchorDate}}.',
    },
    'stage-review.officer': {
      subject: 'Escalation: stage review of {{companyName}} overdue',
      body: 'A flagged stage classification of {{companyName}} has not been reviewed by {{assigneeName}} since {{anchorDate}}.',
    },
    'company-invitation.sme': {
      subject: 'Your place in the SME Export Programme: {{companyName}}',
      body: '{{adviserName}} has started an application for {{companyName}} to the SME Export Programme after talking to you. To go on, create your account, check the answers we noted and give your consent: {{link}} (the link works until {{expiresOn}}). Until you do, nothing is sent on your behalf.',
    },
    'case-opened.sme': {
      subject: 'Your enrolment is accepted: {{companyName}} has joined the programme',
      body: 'Thank you for enrolling {{companyName}} in the SME Export Programme. Your enrolment is eligible and your case is open. We are now choosing an adviser who knows your sector and target markets; they will contact you within 5 working days. You can follow your case on your home page.',
    },
    'stage-changed-back.sme': {
      subject: 'Your export stage has been updated: {{stageName}}',
      body: 'Your adviser has reviewed the export stage of {{companyName}} and recorded it as {{stageName}} (it was {{previousStageName}}). This is not a judgement: it makes sure the help we offer fits where you are now. Your adviser will agree the next steps with you; you can see your progress at {{link}}.',
    },
    'stage-changed.sme': {
      subject: 'Congratulations: you are now a {{stageName}}',
      body: 'Your company {{companyName}} has moved to a new export stage: {{stageName}}. Your adviser will be in touch about next steps.',
    },
    'security.sign-in-attack': {
      subject: 'Possible attack: repeated failed sign-ins',
      body: 'There have been {{failures}} failed sign-ins in the last hour against {{target}}. Those clients are now slowed down; devices that have signed in before can still sign in. Check the audit trail, and contact the account holder if the attempts go on. You get at most one such message an hour for each account or address.',
    },
    'account.confirm-email': {
      subject: 'Confirm your email address to finish registering',
      body: 'Someone (we hope you) asked to create an account for the SME Export Programme with this email address. Follow the link within {{hours}} hours to confirm it and finish creating the account. If it was not you, ignore this email: no account is created.',
    },
    'account.registration-attempt': {
      subject: 'Someone tried to register with your email address',
      body: 'Someone tried to create a new account for the SME Export Programme with this email address, which already has an account. If it was you, sign in with your existing account instead. If it was not you, you need not do anything: your account has not changed.',
    },
    'case-unassigned.officer': {
      subject: 'No adviser could take {{companyName}}: please assign the case',
      body: 'No adviser had capacity for the new case of {{companyName}}, so it waits for an officer. Please assign it, or give an adviser room for it.',
    },
    'case-closed.sme': {
      subject: 'Your support case for {{companyName}} is closed',
      body: 'Your adviser has closed the support case of {{companyName}}. Reason: {{reason}}. Your export stage, outcomes and history are kept, and your adviser can reopen the case if you need more help.',
    },
    'case-reopened.sme': {
      subject: 'Your support case for {{companyName}} is open again',
      body: 'The support case of {{companyName}} has been reopened. Your adviser will be in touch about next steps.',
    },
    'satisfaction-survey.sme': {
      subject: "How was your support? Five short questions about {{companyName}}'s case",
      body: 'Your support case has closed. Please tell us how it went: five short questions, no sign-in needed. The link works until {{expiresOn}}: {{surveyLink}}',
    },
    'satisfaction-survey-reminder.sme': {
      subject: 'Reminder: tell us how your support went',
      body: 'We would still like to hear how the support for {{companyName}} went. The survey takes two minutes and needs no sign-in. The link works until {{expiresOn}}: {{surveyLink}}',
    },
    'closure-proposed.assignee': {
      subject: 'Consider closing the case of {{companyName}}',
      body: '{{companyName}} has not been reached through the whole dormant-case ladder. If attempts to reach them have failed, close the case with the reason "unreachable", or log the contact you have made.',
    },
    'opportunity-stale.assignee': {
      subject: 'Update the {{market}} opportunity of {{companyName}}',
      body: 'The export opportunity "{{product}}" in {{market}} for {{companyName}} was expected before {{dueDate}} and is still open. Record whether it was won, lost or abandoned, or give it a new expected date.',
    },
    'export-win-verification.sme': {
      subject: 'Please confirm your export win with {{customerName}}',
      body: 'Your adviser has recorded an export win of {{companyName}} with {{customerName}}, worth {{total}} in all. Please tell us whether this is right and how helpful our support was: it takes a minute and needs no sign-in. The link works once, until {{expiresOn}}: {{link}}',
    },
    'win-verification-unanswered.sme': {
      subject: 'Reminder: please confirm your export win with {{customerName}}',
      body: 'We have not yet heard whether the export win of {{companyName}} with {{customerName}}, worth {{total}} in all, is right. Please confirm it or tell us what is not right: it takes a minute and needs no sign-in. The link works once, until {{expiresOn}}: {{verifyLink}}',
    },
    'win-verification-expired.assignee': {
      subject: 'The export win of {{companyName}} with {{customerName}} was not confirmed',
      body: 'The link asking {{companyName}} to confirm its export win with {{customerName}} ({{total}}) expired on {{expiresOn}} without an answer. Until the company confirms it, the win counts only as claimed. Resend the link, or correct the win, which asks the company again: {{winsLink}}',
    },
    'generic.remind': {
      subject: 'Reminder: {{description}} due {{dueDate}}',
      body: '{{description}} for {{companyName}} is due on {{dueDate}}.',
    },
    'generic.escalate': {
      subject: 'Escalation: {{description}} overdue',
      body: '{{description}} for {{companyName}} was due on {{dueDate}} and is still open.',
    },
    'introduction-request.expert': {
      subject: 'Can you help {{companyName}}? An introduction from the SME Export Programme',
      body: "{{adviserName}}, an adviser of the SME Export Programme, would like to introduce you to {{companyName}} (sector: {{sector}}). What the conversation would be about: {{purpose}}. To accept, and have your contact details and the company's exchanged: {{acceptLink}} To decline: {{declineLink}} The links work until {{expiresOn}}. We share nothing about you until you accept.",
    },
    'introduction-accepted.expert': {
      subject: 'Introduction accepted: how to reach {{companyName}}',
      body: 'Thank you for accepting the introduction to {{companyName}}. Their contact is {{contactName}}, {{contactEmail}}. What they hope to talk about: {{purpose}}. We have sent them your details too. The adviser is {{adviserName}} ({{adviserEmail}}).',
    },
    'introduction-accepted.sme': {
      subject: 'An expert will talk to {{companyName}}: {{expertName}}',
      body: '{{expertName}}{{expertOrganisationPart}} has accepted an introduction to {{companyName}} through your adviser {{adviserName}}. You can reach them at {{expertEmail}}{{expertPhonePart}}. What the conversation is about: {{purpose}}.',
    },
    'introduction-request.peer': {
      subject: 'Can your experience help {{companyName}}? A peer introduction from the SME Export Programme',
      body: "{{adviserName}}, an adviser of the SME Export Programme, would like to introduce your company, as an exporter that offered to help others, to {{companyName}} (sector: {{sector}}). What the conversation would be about: {{purpose}}. To accept, and have your contact details and the company's exchanged: {{acceptLink}} To decline: {{declineLink}} The links work until {{expiresOn}}. We share nothing about your contact until you accept.",
    },
    'introduction-accepted.sme-peer': {
      subject: 'An exporting company will talk to {{companyName}}: {{expertName}}',
      body: '{{expertName}}, a company of the programme that already exports, has accepted an introduction to {{companyName}} through your adviser {{adviserName}}. You can reach {{contactName}} at {{expertEmail}}. What the conversation is about: {{purpose}}.',
    },
    'introduction-accepted.adviser': {
      subject: '{{expertName}} accepted the introduction to {{companyName}}',
      body: "{{expertName}} accepted your introduction to {{companyName}}. Both sides have been sent each other's contact details, and the case timeline records it.",
    },
    'introduction-declined.adviser': {
      subject: '{{expertName}} declined the introduction to {{companyName}}',
      body: "{{expertName}} declined your introduction to {{companyName}}. The next best suggestion not yet asked for this case is {{nextExpertName}}{{nextExpertOrganisationPart}}. You can ask them with the same purpose in one click on the case's experts page.",
    },
    'introduction-declined-no-match.adviser': {
      subject: '{{expertName}} declined the introduction to {{companyName}}',
      body: "{{expertName}} declined your introduction to {{companyName}}. No other suggested expert can be asked for this case at the moment; the case's experts page shows who may be asked later.",
    },
    'introduction-unanswered.adviser': {
      subject: 'No answer from {{expertName}} about {{companyName}}',
      body: "{{expertName}} has not answered your introduction to {{companyName}} in time, so it is now marked as unanswered and their link says so. The next best suggestion not yet asked for this case is {{nextExpertName}}{{nextExpertOrganisationPart}}. You can ask them with the same purpose in one click on the case's experts page.",
    },
    'introduction-unanswered-no-match.adviser': {
      subject: 'No answer from {{expertName}} about {{companyName}}',
      body: "{{expertName}} has not answered your introduction to {{companyName}} in time, so it is now marked as unanswered and their link says so. No other suggested expert can be asked for this case at the moment; the case's experts page shows who may be asked later.",
    },
    'introduction-rating.sme': {
      subject: 'Did your conversation with {{expertName}} help?',
      body: 'Some weeks ago the SME Export Programme introduced {{companyName}} to {{expertName}}. Please tell us in a minute whether it helped (a rating from 1 to 5 and a comment if you like): {{ratingLink}} The link works once.',
    },
    'introduction-rating.expert': {
      subject: 'Was your introduction to {{companyName}} worthwhile?',
      body: 'Thank you for talking to {{companyName}} through the SME Export Programme. Please tell us in a minute whether it was worthwhile (a rating from 1 to 5 and a comment if you like): {{ratingLink}} The link works once.',
    },
    'introduction-request-sme.adviser': {
      subject: '{{companyName}} asks to be introduced to {{expertName}}',
      body: "{{companyName}} would like to be introduced to {{expertName}}, the expert suggested for their case. What they would like to talk about: {{purpose}}. Approve it (the expert is then asked with this purpose) or decline it on the case's experts page.",
    },
    'introduction-request-declined.sme': {
      subject: 'Your request to talk to {{expertName}}',
      body: 'Your adviser has not taken forward your request to be introduced to {{expertName}} ({{purpose}}) this time. Your adviser can tell you why and suggest other help.',
    },
    'partner-referral.partner': {
      subject: 'Referral from the SME Export Programme: {{companyName}}',
      body: '{{adviserName}} of the SME Export Programme refers {{companyName}} to {{partnerName}}. Why: {{reason}}. The company agreed that we share its details with you: its contact is {{contactName}}, {{contactEmail}}. Please tell us that you will take it up (the link works until {{expiresOn}}): {{acceptLink}} Once you have worked with the company, please tell us what came of it: {{resultLink}}',
    },
    'partner-referral-unanswered.partner': {
      subject: 'Reminder: referral of {{companyName}} from the SME Export Programme',
      body: 'We have not yet heard whether {{partnerName}} will take up the referral of {{companyName}}. Why it was referred: {{reason}}. Please accept it (the link works until {{expiresOn}}): {{acceptLink}}',
    },
    'partner-referral-unanswered.assignee': {
      subject: '{{partnerName}} has not answered the referral of {{companyName}}',
      body: '{{partnerName}} has not accepted the referral of {{companyName}} despite a reminder. You may want to call them or refer the company elsewhere: {{referralsLink}}',
    },
    'partner-referral-accepted.adviser': {
      subject: '{{partnerName}} accepted the referral of {{companyName}}',
      body: "{{partnerName}} accepted your referral of {{companyName}}. They will report the result when they have worked with the company; the case's referrals page shows it: {{link}}",
    },
    'partner-referral-helped.adviser': {
      subject: '{{partnerName}} helped {{companyName}}',
      body: '{{partnerName}} reports that it helped {{companyName}}. Their note: {{note}} The case records it: {{link}}',
    },
    'partner-referral-not-able-to-help.adviser': {
      subject: '{{partnerName}} could not help {{companyName}}',
      body: '{{partnerName}} reports that it was not able to help {{companyName}}. Their note: {{note}} You may want to refer the company elsewhere: {{link}}',
    },
    'partner-referral-no-response.adviser': {
      subject: '{{companyName}} did not respond to {{partnerName}}',
      body: '{{partnerName}} reports that {{companyName}} did not respond to it. Their note: {{note}} The case records it: {{link}}',
    },
    'expert-invitation.expert': {
      subject: 'An invitation to join the SME Export Programme as an expert',
      body: "{{inviterName}} invites you to join the SME Export Programme's network of experts, who give some of their time to help small firms export. To read and accept the programme's terms, create your account and complete your profile (languages, expertise, markets, how many introductions a month suit you): {{link}} The link works once, until {{expiresOn}}. You can pause or leave at any time.",
    },
  },
};
