import 'reflect-metadata';
import type { EntityManager } from 'typeorm';
import { DomainEvent, HANDLES_EVENT, HandlesEvent } from '../outbox/handles-event.decorator';
import { OutboxService } from '../outbox/outbox.service';
import { EVENT_CONTRACTS, eventTypesBy, isEventName } from './event-contracts';

/** A manager that keeps the parameters of what would be inserted (no database needed for the contract). */
function recordingManager(): { manager: EntityManager; inserts: unknown[][] } {
  const inserts: unknown[][] = [];
  const manager = {
    query: (_sql: string, params: unknown[]) => Promise.resolve(void inserts.push(params)),
  } as unknown as EntityManager;
  return { manager, inserts };
}

/** `typecheck` compiles this file: each @ts-expect-error below fails the build if the line compiles. */
class Handlers {
  @HandlesEvent('stage.changed')
  onStageChanged(event: DomainEvent<'stage.changed'>): string {
    return event.payload.to;
  }

  // @ts-expect-error: no event of that name
  @HandlesEvent('case.archived')
  onReopened(): void {}

  // @ts-expect-error: the method does not take the event it says it handles
  @HandlesEvent('stage.changed')
  onWrongEvent(event: DomainEvent<'case.opened'>): string {
    return event.payload.companyName;
  }
}

describe('event contracts', () => {
  it('types OutboxService.add: unknown names and wrong payloads do not compile; a cast is caught at run time', async () => {
    const outbox = new OutboxService();
    const { manager, inserts } = recordingManager();
    const closed = { followUpId: 'f-1', outcome: 'done' } as const;
    await outbox.add(manager, {
      type: 'follow-up.closed',
      aggregateType: 'follow_up',
      aggregateId: 'f-1',
      payload: closed,
    });
    // type, version, aggregate type, aggregate id, payload: the version comes from the contract.
    expect(inserts[0]).toEqual([['follow-up.closed'], [1], ['follow_up'], ['f-1'], [JSON.stringify(closed)]]);

    await expect(
      // @ts-expect-error: no event of that name
      outbox.add(manager, { type: 'case.archived', aggregateType: 'case', aggregateId: 'c-1', payload: {} }),
    ).rejects.toThrow('unknown event "case.archived"');
    const wrong = async (): Promise<void> => {
      await outbox.add(manager, {
        type: 'follow-up.closed',
        aggregateType: 'follow_up',
        aggregateId: 'f-1',
        // @ts-expect-error: outcome is 'done' or 'cancelled'
        payload: { followUpId: 'f-1', outcome: 'maybe' },
      });
      await outbox.add(manager, {
        type: 'report_export.requested',
        aggregateType: 'report_export',
        aggregateId: 'e-1',
        // @ts-expect-error: exportId is missing
        payload: {},
      });
    };
    expect(typeof wrong).toBe('function');
    expect(inserts).toHaveLength(1);
  });

  it('records which events a method handles', () => {
    const handled = (method: keyof Handlers) =>
      Reflect.getMetadata(HANDLES_EVENT, Handlers.prototype[method]) as string[] | undefined;
    expect(handled('onStageChanged')).toEqual(['stage.changed']);
  });

  it('says for every event whether a handler is expected, and why not when none is', () => {
    const names = Object.keys(EVENT_CONTRACTS);
    expect([...eventTypesBy('expected'), ...eventTypesBy('none')].sort()).toEqual([...names].sort());
    for (const name of eventTypesBy('none')) {
      const contract = EVENT_CONTRACTS[name];
      expect(contract.handlers === 'none' && contract.reason.length > 10).toBe(true);
    }
    expect(eventTypesBy('none')).toContain('case.assigned');
    expect(eventTypesBy('expected')).toContain('case.opened');
    expect(names.every((n) => isEventName(n))).toBe(true);
    expect(isEventName('case.archived')).toBe(false);
  });
});
