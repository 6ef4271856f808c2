import { Public, SignedLinkPages, SignedLinkPagesController } from '@app/identity';
import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { winYears } from './domain/win-rules';
import { WinAnswerDto } from './dto/win-answer.dto';
import { WinVerificationService, type OpenedWin } from './win-verification.service';

/**
 * The page a company opens from the emailed link to confirm or dispute a win: no sign-in (the signed,
 * single-use token is the credential), GOV.UK radios and a textarea that work without JavaScript, CSRF
 * by the signed double-submit cookie of signed-out forms, in the language the link asks for. A link that is
 * not ours, altered, or replaced by a newer one shows "not found"; an expired one says so (410).
 */
@ApiExcludeController()
@Public()
@Controller('export-wins/verify/:token')
export class WinVerificationPagesController extends SignedLinkPagesController<OpenedWin, WinAnswerDto> {
  constructor(verification: WinVerificationService) {
    super(
      new SignedLinkPages({
        open: (token) => verification.open(token),
        entity: 'export_win',
        view: 'opportunities/verify',
        titles: 'winVerification.titles',
        dto: WinAnswerDto,
        answer: (_opened, value, context, token) => verification.answer(token, value, context),
        path: (token) => `/export-wins/verify/${token}`,
        translations: 'winVerification',
        answeredStatus: 409,
        model: ({ win }) => ({
          answer: win.verificationStatus,
          win: { ...win, years: winYears(win.firstYear, win.valuesMinor) },
        }),
      }),
    );
  }
}
