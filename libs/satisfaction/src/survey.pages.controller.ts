import { Public, SignedLinkPages, SignedLinkPagesController } from '@app/identity';
import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SurveyAnswersDto } from './dto/survey-answers.dto';
import { SurveyService, type OpenedSurvey } from './survey.service';

/**
 * The satisfaction survey page: opened from the emailed link, no sign-in (the signed token is the
 * credential), GOV.UK radios and a textarea that work without JavaScript, in the language the link asks
 * for (the SME's). One answer per case.
 */
@ApiExcludeController()
@Public()
@Controller('survey/:token')
export class SurveyPagesController extends SignedLinkPagesController<OpenedSurvey, SurveyAnswersDto> {
  constructor(surveys: SurveyService) {
    super(
      new SignedLinkPages({
        open: (token) => surveys.open(token),
        entity: 'survey',
        view: 'satisfaction/survey',
        titles: 'satisfaction.titles',
        dto: SurveyAnswersDto,
        answer: (opened, value, context) => surveys.answer(opened.survey.id, value, context),
        path: (token) => `/survey/${token}`,
        translations: 'satisfaction',
        answeredStatus: 409,
        model: () => ({}),
      }),
    );
  }
}
