import { EnrolmentModule } from '@app/enrolment';
import { Module } from '@nestjs/common';
import { DataProtectionPagesController } from './controllers/data-protection.pages.controller';
import { MyDataPagesController } from './controllers/my-data.pages.controller';
import { PrivacyPagesController } from './controllers/privacy.pages.controller';
import { DataProtectionCoreModule } from './data-protection-core.module';

/** The api's part: request pages for officers/admins, an SME's own-data download, the privacy notice. */
@Module({
  imports: [DataProtectionCoreModule, EnrolmentModule],
  controllers: [DataProtectionPagesController, MyDataPagesController, PrivacyPagesController],
})
export class DataProtectionModule {}
