export { CaseTimelineModule } from './case-timeline.module';
export { CaseTimelineService } from './case-timeline.service';
export type { TimelineEntry, TimelinePage } from './case-timeline.service';
export { CaseTimelineEvent } from './entities/case-timeline-event.entity';
