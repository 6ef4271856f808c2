import { EnrolmentRules } from '@app/enrolment';
import { Public } from '@app/identity';
import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/**
 * The privacy notice. Its version is the one enrolment records with each consent
 * (config/enrolment.yaml `privacyNoticeVersion`), read from the same rules, so the two cannot disagree.
 */
@ApiExcludeController()
@Public()
@Controller('privacy')
export class PrivacyPagesController {
  constructor(private readonly rules: EnrolmentRules) {}

  @Get()
  @Render('data-protection/privacy')
  page(): { version: string } {
    return { version: this.rules.settings.privacyNoticeVersion };
  }
}
