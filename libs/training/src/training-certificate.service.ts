import { AppConfig } from '@app/config';
import { Company } from '@app/enrolment';
import { Case } from '@app/cases';
import { formatDate } from '@app/time';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normaliseCertificateCode } from './domain/certificate-code';
import type { LocalisedText, TrainingLanguage } from './domain/training-formats';
import { TrainingBooking } from './entities/training-booking.entity';

export interface CertificateFacts {
  code: string;
  companyName: string;
  moduleCode: string;
  moduleTitle: LocalisedText;
  completedAt: Date;
}

const HEADINGS: Record<
  TrainingLanguage,
  { title: string; awarded: string; completed: string; on: string; verify: string }
> = {
  en: {
    title: 'Certificate of completion',
    awarded: 'This certifies that',
    completed: 'has completed the training module',
    on: 'Completed on',
    verify: 'Check this certificate at',
  },
  es: {
    title: 'Certificado de finalización',
    awarded: 'Se certifica que',
    completed: 'ha completado el módulo de formación',
    on: 'Completado el',
    verify: 'Compruebe este certificado en',
  },
  de: {
    title: 'Teilnahmebescheinigung',
    awarded: 'Hiermit wird bescheinigt, dass',
    completed: 'das Schulungsmodul abgeschlossen hat',
    on: 'Abgeschlossen am',
    verify: 'Prüfen Sie diese Bescheinigung unter',
  },
};

/** Completion certificates: the PDF and the public check of a verification code. */
@Injectable()
export class TrainingCertificateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** What a verification code certifies, or undefined for a code that was never issued. */
  async verify(input: string): Promise<CertificateFacts | undefined> {
    const code = normaliseCertificateCode(input);
    if (!code) return undefined;
    const booking = await this.dataSource
      .getRepository(TrainingBooking)
      .findOne({ where: { certificateCode: code, status: 'completed' }, relations: { module: true } });
    return booking ? this.facts(booking) : undefined;
  }

  /** The facts of a completed booking already authorised by the caller. */
  async facts(booking: TrainingBooking): Promise<CertificateFacts | undefined> {
    if (booking.status !== 'completed' || !booking.certificateCode || !booking.completedAt || !booking.module)
      return undefined;
    const theCase = await this.dataSource.getRepository(Case).findOneByOrFail({ id: booking.caseId });
    const company = await this.dataSource.getRepository(Company).findOneByOrFail({ id: theCase.companyId });
    return {
      code: booking.certificateCode,
      companyName: company.tradingName || company.legalName,
      moduleCode: booking.module.code,
      moduleTitle: booking.module.title,
      completedAt: booking.completedAt,
    };
  }

  verificationUrl(code: string): string {
    return `${this.config.APP_BASE_URL.replace(/\/$/, '')}/certificates/${code}`;
  }

  /** A one-page A4 landscape PDF in the SME's language. */
  async pdf(facts: CertificateFacts, lang: TrainingLanguage): Promise<Buffer> {
    // Loaded on first use: pdfkit and its font libraries are slow to load and most processes never print.
    const { default: PDFDocument } = await import('pdfkit');
    const words = HEADINGS[lang];
    const date = formatDate(facts.completedAt, this.config.PROGRAMME_TIME_ZONE, lang);
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 60,
      info: {
        Title: `${words.title}: ${facts.moduleTitle[lang]}`,
        Author: 'SME Export Programme',
        Subject: facts.code,
      },
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    const width = doc.page.width - 120;
    doc
      .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
      .lineWidth(3)
      .stroke('#1d70b8');
    doc
      .moveDown(2)
      .font('Helvetica-Bold')
      .fontSize(30)
      .fillColor('#0b0c0c')
      .text(words.title, { align: 'center', width });
    doc
      .moveDown(1)
      .font('Helvetica')
      .fontSize(14)
      .text('Social Media Supported SME Export Programme', { align: 'center', width });
    doc.moveDown(2).fontSize(16).text(words.awarded, { align: 'center', width });
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(24).text(facts.companyName, { align: 'center', width });
    doc.moveDown(0.5).font('Helvetica').fontSize(16).text(words.completed, { align: 'center', width });
    doc
      .moveDown(0.5)
      .font('Helvetica-Bold')
      .fontSize(20)
      .text(facts.moduleTitle[lang], { align: 'center', width });
    doc.moveDown(1.5).font('Helvetica').fontSize(14).text(`${words.on} ${date}`, { align: 'center', width });
    doc
      .moveDown(2)
      .fontSize(11)
      .fillColor('#505a5f')
      .text(`${words.verify} ${this.verificationUrl(facts.code)}`, { align: 'center', width });
    doc
      .moveDown(0.3)
      .font('Courier-Bold')
      .fontSize(14)
      .fillColor('#0b0c0c')
      .text(facts.code, { align: 'center', width });
    doc.end();
    return done;
  }
}
