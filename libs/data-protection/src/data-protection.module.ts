import { EnrolmentModule } from '@app/enrolment';
import { IdempotencyModule } from '@app/idempotency';
import { Module } from '@nestjs/common';
import { DataProtectionController } from './controllers/data-protection.controller';
import { DataProtectionPagesController } from './controllers/data-protection.pages.controller';
import { MyDataPagesController } from './controllers/my-data.pages.controller';
import { PrivacyPagesController } from './controllers/privacy.pages.controller';
import { DataProtectionCoreModule } from './data-protection-core.module';

/** The api's part: the requests API and pages for officers/admins, an SME's own-data download, the privacy notice. */
@Module({
  imports: [DataProtectionCoreModule, EnrolmentModule, IdempotencyModule],
  controllers: [
    DataProtectionController,
    DataProtectionPagesController,
    MyDataPagesController,
    PrivacyPagesController,
  ],
})
export class DataProtectionModule {}
