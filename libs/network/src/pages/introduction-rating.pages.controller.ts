import { Public, SignedLinkPages, SignedLinkPagesController } from '@app/identity';
import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IntroductionRatingDto } from '../dto/introduction-rating.dto';
import { IntroductionRatings, type OpenedRating } from '../introductions/introduction-ratings.service';

/**
 * "Did the introduction help?": the page the rating email's link opens, for the SME's contact or the expert
 * (no sign-in: the signed token is the credential), GOV.UK radios 1-5 and a textarea that work without
 * JavaScript, in the language the link asks for. One answer per side: a second post shows the thanks and
 * changes nothing.
 */
@ApiExcludeController()
@Public()
@Controller('introductions/rate/:token')
export class IntroductionRatingPagesController extends SignedLinkPagesController<
  OpenedRating,
  IntroductionRatingDto
> {
  constructor(ratings: IntroductionRatings) {
    super(
      new SignedLinkPages({
        open: (token) => ratings.open(token),
        entity: 'introduction',
        view: 'network/rate',
        titles: 'network.rate.titles',
        dto: IntroductionRatingDto,
        fields: (body) => ({ rating: body.rating ?? '', comment: body.comment ?? '' }),
        answer: (opened, value, context) => ratings.answer(opened.rating.id, value, context),
        path: (token) => `/introductions/rate/${token}`,
        translations: 'network',
        answeredStatus: 200,
        model: (opened) => ({
          side: opened.rating.side,
          companyName: opened.companyName,
          expertName: opened.expertName,
        }),
      }),
    );
  }
}
