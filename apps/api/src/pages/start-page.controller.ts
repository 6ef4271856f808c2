import { Public } from '@app/identity';
import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

@ApiExcludeController()
@Public()
@Controller()
export class StartPageController {
  @Get()
  @Render('start')
  start(): { startUrl: string } {
    return { startUrl: '/register' };
  }
}
