import { AppConfig } from '@app/config';
import { Public, SignedLinkPages, SignedLinkPagesController } from '@app/identity';
import { formatDate } from '@app/time';
import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IntroductionAnswerDto } from '../dto/introduction.dto';
import { DECISIONS } from '../introductions/introduction-links';
import { IntroductionsService, type OpenedIntroduction } from '../introductions/introductions.service';

/**
 * The page an expert's emailed link opens: no sign-in (the signed token is the credential; experts have no
 * account), the request's purpose, company name and sector but never the SME's contact details, and one
 * form to accept or decline that works without JavaScript. Opening it changes nothing; the answer counts
 * once: a second click (another tab) shows the outcome and changes and sends nothing.
 */
@ApiExcludeController()
@Public()
@Controller('introductions/respond/:token')
export class IntroductionResponsePagesController extends SignedLinkPagesController<
  OpenedIntroduction,
  IntroductionAnswerDto
> {
  constructor(introductions: IntroductionsService, config: AppConfig) {
    super(
      new SignedLinkPages({
        open: (token) => introductions.open(token),
        entity: 'introduction',
        view: 'network/respond',
        titles: 'network.respond.titles',
        dto: IntroductionAnswerDto,
        fields: (body) => ({ decision: body.decision ?? '' }),
        answer: (opened, value, context) =>
          introductions.respond(opened.introduction.id, value.decision, context),
        path: (token) => `/introductions/respond/${token}`,
        translations: 'network',
        answeredStatus: 200,
        model: (opened, res) => {
          const lang = typeof res.locals.lang === 'string' ? res.locals.lang : 'en';
          return {
            request: {
              companyName: opened.companyName,
              sector: opened.sector,
              adviserName: opened.adviserName,
              purpose: opened.introduction.purpose,
              expiresOn: formatDate(opened.introduction.expiresAt, config.PROGRAMME_TIME_ZONE, lang),
            },
          };
        },
      }),
      // A decision chosen in the email comes pre-selected.
      (query) => ({ decision: DECISIONS.find((d) => d === query.decision) }),
    );
  }
}
