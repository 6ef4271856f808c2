import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { TrainingCatalogueService } from './training-catalogue.service';

/** Adds new config modules to the catalogue table when the api starts. */
@Injectable()
export class TrainingCatalogueSync implements OnApplicationBootstrap {
  constructor(private readonly catalogue: TrainingCatalogueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.catalogue.syncFromConfig();
  }
}
