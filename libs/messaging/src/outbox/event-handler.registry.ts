import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DomainEvent, HANDLES_EVENT } from './handles-event.decorator';

export type EventHandlerFn = (event: DomainEvent) => Promise<unknown> | unknown;

interface RegisteredHandler {
  name: string;
  run: EventHandlerFn;
}

/**
 * Finds every `@HandlesEvent` method in the application's providers (any module the worker imports), so
 * a domain adds a handler without touching the engine.
 */
@Injectable()
export class EventHandlerRegistry implements OnModuleInit {
  private readonly logger = new Logger(EventHandlerRegistry.name);
  private readonly handlers = new Map<string, RegisteredHandler[]>();

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
    this.logger.log(`Event handlers: ${[...this.handlers.keys()].sort().join(', ') || 'none'}`);
  }

  register(type: string, name: string, run: EventHandlerFn): void {
    const list = this.handlers.get(type) ?? [];
    list.push({ name, run });
    this.handlers.set(type, list);
  }

  handlersFor(type: string): readonly RegisteredHandler[] {
    return this.handlers.get(type) ?? [];
  }

  types(): string[] {
    return [...this.handlers.keys()];
  }
}
