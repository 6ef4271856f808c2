import { PageCursors } from '@app/web';
import { Module } from '@nestjs/common';
import { CaseTimelineService } from './case-timeline.service';

@Module({ providers: [CaseTimelineService, PageCursors], exports: [CaseTimelineService] })
export class CaseTimelineModule {}
