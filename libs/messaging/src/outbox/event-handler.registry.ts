import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { eventTypesBy, type EventName } from '../events/event-contracts';
import { DomainEvent, HANDLES_EVENT } from './handles-event.decorator';

export type EventHandlerFn = (event: DomainEvent) => Promise<unknown> | unknown;

interface RegisteredHandler {
  name: string;
  run: EventHandlerFn;
}

/**
 * Finds every `@HandlesEvent` method in the application's providers (any module the worker imports), so
 * a domain adds a handler without touching messaging. What it finds is what this worker takes from the
 * outbox (OutboxRelay): an event type with no handler here waits for a worker that has one.
 */
@Injectable()
export class EventHandlerRegistry implements OnModuleInit {
  private readonly logger = new Logger(EventHandlerRegistry.name);
  private readonly handlers = new Map<string, RegisteredHandler[]>();
  /** Types messaging handles itself without a dispatched job (the relay's email shortcut). */
  private readonly builtIn = new Set<string>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const types = this.reflector.get<string[] | undefined>(HANDLES_EVENT, fn as () => unknown);
        if (!types) continue;
        const name = `${instance.constructor.name}.${method}`;
        for (const type of types) this.register(type, name, (event) => fn.call(instance, event));
      }
    }
    this.logger.log(`Event handlers: ${this.types().sort().join(', ') || 'none'}`);
    const missing = eventTypesBy('expected').filter((t) => !this.handles(t));
    if (missing.length > 0)
      this.logger.warn(
        `No handler here for ${missing.join(', ')}: those events wait for a worker that has one`,
      );
  }

  register(type: string, name: string, run: EventHandlerFn): void {
    const list = this.handlers.get(type) ?? [];
    list.push({ name, run });
    this.handlers.set(type, list);
  }

  /** A type messaging takes care of itself (no handler method, no events-queue job). */
  registerBuiltIn(type: EventName): void {
    this.builtIn.add(type);
  }

  handlersFor(type: string): readonly RegisteredHandler[] {
    return this.handlers.get(type) ?? [];
  }

  /** Whether this worker takes events of this type: a handler method, or messaging's own. */
  handles(type: string): boolean {
    return this.builtIn.has(type) || this.handlersFor(type).length > 0;
  }

  /** Every type this worker takes. */
  types(): string[] {
    return [...new Set([...this.handlers.keys(), ...this.builtIn])];
  }
}
