import type { TemplateSet } from './template-set';

export const es: TemplateSet = {
  footer:
    'Programa de Exportación para PYMES, Agencia de Comercio. Recibe este mensaje por su participación en el programa.',
  greeting: 'Estimado/a {{name}}:',
  open: 'Abrir: {{link}}',
  templates: {
    'first-contact.assignee': {
      subject: 'Recordatorio: primer contacto con {{companyName}} antes del {{dueDate}}',
      body: 'Establezca el primer contacto con {{companyName}} antes del {{dueDate}}. Registre la interacción en el expediente después de hablar con la empresa.',
    },
    'first-contact.officer': {
      subject: 'Escalado: sin primer contacto con {{companyName}} desde el {{dueDate}}',
      body: 'El primer contacto con {{companyName}} vencía el {{dueDate}} y {{assigneeName}} no lo ha registrado. Revise el expediente.',
    },
    're-audit.assignee': {
      subject: 'Nueva auditoría de {{companyName}} el {{dueDate}}',
      body: 'La auditoría periódica de preparación de {{companyName}} vence el {{dueDate}}. Organícela con la empresa.',
    },
    'training-promoted.sme': {
      subject: 'Tiene plaza: «{{moduleTitle}}» el {{sessionStartsAt}}',
      body: 'Se ha liberado una plaza y su reserva en lista de espera de «{{moduleTitle}}» para {{companyName}} ya está confirmada. La sesión empieza el {{sessionStartsAt}}. Si ya no puede asistir, cancele la reserva para que la plaza pase a la siguiente empresa en espera.',
    },
    'training-overdue.sme': {
      subject: 'Su módulo de formación «{{moduleTitle}}» está vencido',
      body: 'Reservó «{{moduleTitle}}», que debía completar antes del {{dueDate}}. Complételo o contacte con su asesor para cambiar la reserva.',
    },
    'training-overdue.assignee': {
      subject: 'Formación vencida: {{companyName}} no ha completado «{{moduleTitle}}»',
      body: '{{companyName}} no ha completado «{{moduleTitle}}», que vencía el {{dueDate}}. Póngase en contacto con la empresa.',
    },
    'dormant-case.assignee': {
      subject: 'Sin interacción reciente con {{companyName}}',
      body: 'No hay interacciones con {{companyName}} desde el {{anchorDate}}. Contacte con la empresa o indique por qué el expediente está inactivo.',
    },
    'dormant-case.officer': {
      subject: 'Escalado: expediente inactivo de {{companyName}}',
      body: 'El expediente de {{companyName}} (asesor {{assigneeName}}) no tiene interacciones desde el {{anchorDate}}. Revíselo.',
    },
    'next-step-due.assignee': {
      subject: 'Próximo paso el {{dueDate}}: {{companyName}}',
      body: 'El próximo paso acordado con {{companyName}} vence el {{dueDate}}: {{nextStep}}',
    },
    'stage-review.assignee': {
      subject: 'La clasificación de etapa de {{companyName}} espera su revisión',
      body: 'Una clasificación de etapa de {{companyName}} fue marcada para revisión y espera desde el {{anchorDate}}.',
    },
    'stage-review.officer': {
      subject: 'Escalado: revisión de etapa de {{companyName}} vencida',
      body: '{{assigneeName}} no ha revisado la clasificación marcada de {{companyName}} desde el {{anchorDate}}.',
    },
    'company-invitation.sme': {
      subject: 'Su plaza en el Programa de Exportación para pymes: {{companyName}}',
      body: '{{adviserName}} ha iniciado una solicitud de {{companyName}} al Programa de Exportación para pymes tras hablar con usted. Para continuar, cree su cuenta, revise las respuestas que anotamos y dé su consentimiento: {{link}} (el enlace funciona hasta el {{expiresOn}}). Hasta entonces no se envía nada en su nombre.',
    },
    'case-opened.sme': {
      subject: 'Inscripción aceptada: {{companyName}} se ha incorporado al programa',
      body: 'Gracias por inscribir a {{companyName}} en el Programa de Exportación para PYMES. Su inscripción cumple los requisitos y su expediente está abierto. Estamos eligiendo un asesor que conozca su sector y sus mercados objetivo, que se pondrá en contacto con usted en un plazo de 5 días hábiles. Puede seguir su expediente en su página de inicio.',
    },
    'stage-changed-back.sme': {
      subject: 'Se ha actualizado su etapa exportadora: {{stageName}}',
      body: 'Su asesor ha revisado la etapa exportadora de {{companyName}} y la ha registrado como {{stageName}} (antes: {{previousStageName}}). No es un juicio: así la ayuda que ofrecemos se ajusta a su situación actual. Su asesor acordará con usted los próximos pasos; puede ver su progreso en {{link}}.',
    },
    'stage-changed.sme': {
      subject: 'Enhorabuena: ahora es {{stageName}}',
      body: 'Su empresa {{companyName}} ha pasado a una nueva etapa exportadora: {{stageName}}. Su asesor se pondrá en contacto para los próximos pasos.',
    },
    'account.confirm-email': {
      subject: 'Confirme su dirección de correo para terminar el registro',
      body: 'Alguien (esperamos que usted) ha pedido crear una cuenta del Programa de Exportación para pymes con esta dirección de correo. Siga el enlace en un plazo de {{hours}} horas para confirmarla y terminar de crear la cuenta. Si no fue usted, ignore este correo: no se crea ninguna cuenta.',
    },
    'account.registration-attempt': {
      subject: 'Alguien ha intentado registrarse con su dirección de correo',
      body: 'Alguien ha intentado crear una cuenta nueva del Programa de Exportación para pymes con esta dirección de correo, que ya tiene una cuenta. Si fue usted, inicie sesión con su cuenta existente. Si no fue usted, no tiene que hacer nada: su cuenta no ha cambiado.',
    },
    'security.sign-in-attack': {
      subject: 'Posible ataque: inicios de sesión fallidos repetidos',
      body: 'En la última hora ha habido {{failures}} inicios de sesión fallidos contra {{target}}. Esos clientes van ahora más despacio; los dispositivos que ya iniciaron sesión antes pueden seguir haciéndolo. Revise el registro de auditoría y contacte con el titular de la cuenta si los intentos continúan. Recibe como máximo un mensaje así por hora para cada cuenta o dirección.',
    },
    'case-unassigned.officer': {
      subject: 'Ningún asesor pudo aceptar a {{companyName}}: asigne el caso',
      body: 'Ningún asesor tenía capacidad para el nuevo caso de {{companyName}}, así que espera a un responsable del programa. Asígnelo o libere capacidad de un asesor.',
    },
    'case-closed.sme': {
      subject: 'Se ha cerrado su expediente de apoyo de {{companyName}}',
      body: 'Su asesor ha cerrado el expediente de apoyo de {{companyName}}. Motivo: {{reason}}. Se conservan su etapa exportadora, sus resultados y su historial, y su asesor puede reabrir el expediente si necesita más ayuda.',
    },
    'case-reopened.sme': {
      subject: 'Su expediente de apoyo de {{companyName}} está abierto de nuevo',
      body: 'Se ha reabierto el expediente de apoyo de {{companyName}}. Su asesor se pondrá en contacto con usted para acordar los próximos pasos.',
    },
    'satisfaction-survey.sme': {
      subject: '¿Qué tal el apoyo recibido? Cinco preguntas breves sobre el expediente de {{companyName}}',
      body: 'Su expediente de apoyo se ha cerrado. Cuéntenos qué tal ha ido: cinco preguntas breves, sin necesidad de iniciar sesión. El enlace funciona hasta el {{expiresOn}}: {{surveyLink}}',
    },
    'satisfaction-survey-reminder.sme': {
      subject: 'Recordatorio: cuéntenos qué tal fue el apoyo',
      body: 'Nos gustaría saber qué tal fue el apoyo a {{companyName}}. La encuesta dura dos minutos y no requiere iniciar sesión. El enlace funciona hasta el {{expiresOn}}: {{surveyLink}}',
    },
    'closure-proposed.assignee': {
      subject: 'Valore cerrar el expediente de {{companyName}}',
      body: 'No se ha podido contactar con {{companyName}} en todo el proceso de expedientes inactivos. Si los intentos de contacto han fallado, cierre el expediente con el motivo «sin respuesta», o registre el contacto realizado.',
    },
    'opportunity-stale.assignee': {
      subject: 'Actualice la oportunidad de {{companyName}} en {{market}}',
      body: 'La oportunidad de exportación "{{product}}" en {{market}} de {{companyName}} se esperaba antes del {{dueDate}} y sigue abierta. Indique si se ganó, se perdió o se abandonó, o dele una nueva fecha prevista.',
    },
    'export-win-verification.sme': {
      subject: 'Confirme su éxito de exportación con {{customerName}}',
      body: 'Su asesor ha registrado un éxito de exportación de {{companyName}} con {{customerName}}, por un total de {{total}}. Díganos si es correcto y cuánto le ayudó nuestro apoyo: es un minuto y no necesita iniciar sesión. El enlace funciona una vez, hasta el {{expiresOn}}: {{link}}',
    },
    'win-verification-unanswered.sme': {
      subject: 'Recordatorio: confirme su éxito de exportación con {{customerName}}',
      body: 'Aún no sabemos si el éxito de exportación de {{companyName}} con {{customerName}}, por un total de {{total}}, es correcto. Confírmelo o díganos qué no es correcto: es un minuto y no necesita iniciar sesión. El enlace funciona una vez, hasta el {{expiresOn}}: {{verifyLink}}',
    },
    'win-verification-expired.assignee': {
      subject: 'El éxito de exportación de {{companyName}} con {{customerName}} no se confirmó',
      body: 'El enlace que pedía a {{companyName}} confirmar su éxito de exportación con {{customerName}} ({{total}}) caducó el {{expiresOn}} sin respuesta. Mientras la empresa no lo confirme, el éxito solo cuenta como declarado. Reenvíe el enlace o corrija el éxito, lo que vuelve a preguntar a la empresa: {{winsLink}}',
    },
    'generic.remind': {
      subject: 'Recordatorio: {{description}} el {{dueDate}}',
      body: '{{description}} de {{companyName}} vence el {{dueDate}}.',
    },
    'generic.escalate': {
      subject: 'Escalado: {{description}} vencido',
      body: '{{description}} de {{companyName}} vencía el {{dueDate}} y sigue abierto.',
    },
    'introduction-request.expert': {
      subject: '¿Puede ayudar a {{companyName}}? Una presentación del Programa de Exportación para Pymes',
      body: '{{adviserName}}, asesor del Programa de Exportación para Pymes, quiere presentarle a {{companyName}} (sector: {{sector}}). De qué trataría la conversación: {{purpose}}. Para aceptar e intercambiar sus datos de contacto con los de la empresa: {{acceptLink}} Para rechazarla: {{declineLink}} Los enlaces funcionan hasta el {{expiresOn}}. No compartimos nada sobre usted hasta que acepte.',
    },
    'introduction-accepted.expert': {
      subject: 'Presentación aceptada: cómo contactar con {{companyName}}',
      body: 'Gracias por aceptar la presentación a {{companyName}}. Su contacto es {{contactName}}, {{contactEmail}}. De qué quieren hablar: {{purpose}}. También les hemos enviado sus datos. El asesor es {{adviserName}} ({{adviserEmail}}).',
    },
    'introduction-accepted.sme': {
      subject: 'Un experto hablará con {{companyName}}: {{expertName}}',
      body: '{{expertName}}{{expertOrganisationPart}} ha aceptado una presentación a {{companyName}} a través de su asesor {{adviserName}}. Puede contactar en {{expertEmail}}{{expertPhonePart}}. De qué trata la conversación: {{purpose}}.',
    },
    'introduction-request.peer': {
      subject:
        '¿Puede su experiencia ayudar a {{companyName}}? Una presentación entre empresas del Programa de Exportación para Pymes',
      body: '{{adviserName}}, asesor del Programa de Exportación para Pymes, quiere presentar su empresa, que ya exporta y se ofreció a ayudar a otras, a {{companyName}} (sector: {{sector}}). De qué trataría la conversación: {{purpose}}. Para aceptar e intercambiar sus datos de contacto con los de la empresa: {{acceptLink}} Para rechazarla: {{declineLink}} Los enlaces funcionan hasta el {{expiresOn}}. No compartimos sus datos de contacto hasta que acepte.',
    },
    'introduction-accepted.sme-peer': {
      subject: 'Una empresa exportadora hablará con {{companyName}}: {{expertName}}',
      body: '{{expertName}}, una empresa del programa que ya exporta, ha aceptado una presentación a {{companyName}} a través de su asesor {{adviserName}}. Puede contactar con {{contactName}} en {{expertEmail}}. De qué trata la conversación: {{purpose}}.',
    },
    'introduction-accepted.adviser': {
      subject: '{{expertName}} aceptó la presentación a {{companyName}}',
      body: '{{expertName}} aceptó su presentación a {{companyName}}. Ambas partes han recibido los datos de contacto de la otra y la cronología del caso lo registra.',
    },
    'introduction-declined.adviser': {
      subject: '{{expertName}} rechazó la presentación a {{companyName}}',
      body: '{{expertName}} rechazó su presentación a {{companyName}}. La siguiente mejor sugerencia aún no consultada para este caso es {{nextExpertName}}{{nextExpertOrganisationPart}}. Puede pedírsela con el mismo propósito con un solo clic en la página de expertos del caso.',
    },
    'introduction-declined-no-match.adviser': {
      subject: '{{expertName}} rechazó la presentación a {{companyName}}',
      body: '{{expertName}} rechazó su presentación a {{companyName}}. Por ahora ningún otro experto sugerido puede recibir la petición para este caso; la página de expertos del caso muestra a quién se podrá pedir más adelante.',
    },
    'introduction-unanswered.adviser': {
      subject: 'Sin respuesta de {{expertName}} sobre {{companyName}}',
      body: '{{expertName}} no ha respondido a tiempo a su presentación a {{companyName}}, así que ahora figura como sin respuesta y su enlace lo indica. La siguiente mejor sugerencia aún no consultada para este caso es {{nextExpertName}}{{nextExpertOrganisationPart}}. Puede pedírsela con el mismo propósito con un solo clic en la página de expertos del caso.',
    },
    'introduction-unanswered-no-match.adviser': {
      subject: 'Sin respuesta de {{expertName}} sobre {{companyName}}',
      body: '{{expertName}} no ha respondido a tiempo a su presentación a {{companyName}}, así que ahora figura como sin respuesta y su enlace lo indica. Por ahora ningún otro experto sugerido puede recibir la petición para este caso; la página de expertos del caso muestra a quién se podrá pedir más adelante.',
    },
    'introduction-rating.sme': {
      subject: '¿Le ayudó la conversación con {{expertName}}?',
      body: 'Hace unas semanas el Programa de Exportación para PYMES presentó {{companyName}} a {{expertName}}. Díganos en un minuto si les ayudó (una valoración de 1 a 5 y, si quiere, un comentario): {{ratingLink}} El enlace funciona una vez.',
    },
    'introduction-rating.expert': {
      subject: '¿Mereció la pena su presentación a {{companyName}}?',
      body: 'Gracias por hablar con {{companyName}} a través del Programa de Exportación para PYMES. Díganos en un minuto si mereció la pena (una valoración de 1 a 5 y, si quiere, un comentario): {{ratingLink}} El enlace funciona una vez.',
    },
    'introduction-request-sme.adviser': {
      subject: '{{companyName}} pide que se le presente a {{expertName}}',
      body: '{{companyName}} quiere que se le presente a {{expertName}}, el experto sugerido para su caso. De qué quiere hablar: {{purpose}}. Apruébelo (entonces se le pide al experto con este propósito) o recházelo en la página de expertos del caso.',
    },
    'introduction-request-declined.sme': {
      subject: 'Su solicitud para hablar con {{expertName}}',
      body: 'Su asesor no ha tramitado esta vez su solicitud de presentación a {{expertName}} ({{purpose}}). Su asesor puede explicarle por qué y sugerirle otra ayuda.',
    },
    'partner-referral.partner': {
      subject: 'Derivación del Programa de Exportación para pymes: {{companyName}}',
      body: '{{adviserName}}, del Programa de Exportación para pymes, deriva {{companyName}} a {{partnerName}}. Motivo: {{reason}}. La empresa aceptó que compartamos sus datos con ustedes: su contacto es {{contactName}}, {{contactEmail}}. Confírmennos que se harán cargo (el enlace funciona hasta el {{expiresOn}}): {{acceptLink}} Cuando hayan trabajado con la empresa, cuéntennos el resultado: {{resultLink}}',
    },
    'partner-referral-unanswered.partner': {
      subject: 'Recordatorio: derivación de {{companyName}} del Programa de Exportación para pymes',
      body: 'Aún no sabemos si {{partnerName}} se hará cargo de la derivación de {{companyName}}. Motivo: {{reason}}. Acéptenla, por favor (el enlace funciona hasta el {{expiresOn}}): {{acceptLink}}',
    },
    'partner-referral-unanswered.assignee': {
      subject: '{{partnerName}} no ha respondido a la derivación de {{companyName}}',
      body: '{{partnerName}} no ha aceptado la derivación de {{companyName}} pese a un recordatorio. Puede llamarles o derivar la empresa a otro socio: {{referralsLink}}',
    },
    'partner-referral-accepted.adviser': {
      subject: '{{partnerName}} aceptó la derivación de {{companyName}}',
      body: '{{partnerName}} aceptó su derivación de {{companyName}}. Informará del resultado cuando haya trabajado con la empresa; la página de derivaciones del caso lo mostrará: {{link}}',
    },
    'partner-referral-helped.adviser': {
      subject: '{{partnerName}} ayudó a {{companyName}}',
      body: '{{partnerName}} informa de que ayudó a {{companyName}}. Su nota: {{note}} El caso lo registra: {{link}}',
    },
    'partner-referral-not-able-to-help.adviser': {
      subject: '{{partnerName}} no pudo ayudar a {{companyName}}',
      body: '{{partnerName}} informa de que no pudo ayudar a {{companyName}}. Su nota: {{note}} Puede derivar la empresa a otro socio: {{link}}',
    },
    'partner-referral-no-response.adviser': {
      subject: '{{companyName}} no respondió a {{partnerName}}',
      body: '{{partnerName}} informa de que {{companyName}} no le respondió. Su nota: {{note}} El caso lo registra: {{link}}',
    },
    'expert-invitation.expert': {
      subject: 'Invitación a unirse al Programa de Exportación para pymes como experto',
      body: '{{inviterName}} le invita a unirse a la red de expertos del Programa de Exportación para pymes, que dedican parte de su tiempo a ayudar a pequeñas empresas a exportar. Para leer y aceptar las condiciones del programa, crear su cuenta y completar su perfil (idiomas, especialidad, mercados, cuántas presentaciones al mes le convienen): {{link}} El enlace funciona una vez, hasta el {{expiresOn}}. Puede pausar su participación o dejar el programa en cualquier momento.',
    },
  },
};
