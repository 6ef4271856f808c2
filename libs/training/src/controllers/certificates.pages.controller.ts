import { Public } from '@app/identity';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { TrainingLanguage } from '../domain/training-formats';
import { TrainingCertificateService } from '../training-certificate.service';

/** Anyone holding a certificate (a buyer abroad, a funder) can check its code here without signing in. */
@ApiExcludeController()
@Public()
@Controller('certificates')
export class CertificatesPagesController {
  constructor(private readonly certificates: TrainingCertificateService) {}

  @Get(':code')
  async verify(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const facts = await this.certificates.verify(code);
    // An unknown code is told plainly that it is not a valid certificate (404), and nothing else: the page
    // is the same whatever was guessed, so it says nothing about other certificates.
    if (!facts) {
      res.status(404).render('training/certificate-invalid', { code: code.slice(0, 40) });
      return;
    }
    const lang = (req.lang ?? 'en') as TrainingLanguage;
    res.render('training/certificate-verify', { facts, moduleTitle: facts.moduleTitle[lang] });
  }
}
