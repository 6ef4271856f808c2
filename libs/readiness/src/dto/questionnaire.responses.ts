import { BARRIERS, type Barrier } from '@app/enrolment';
import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI description of a questionnaire file (questionnaire.file.ts), as GET /readiness/questionnaire answers it. */

class QuestionnaireText {
  @ApiProperty({ example: 'We have a written export plan' }) en!: string;
  @ApiProperty({ example: 'Tenemos un plan de exportación escrito' }) es!: string;
  @ApiProperty({ example: 'Wir haben einen schriftlichen Exportplan' }) de!: string;
}

class QuestionResponse {
  @ApiProperty({ pattern: '^[a-z]{2,4}-[a-z0-9-]+$', example: 'org-export-plan' }) code!: string;
  @ApiProperty({ type: QuestionnaireText }) text!: QuestionnaireText;
  @ApiProperty({
    type: QuestionnaireText,
    isArray: true,
    minItems: 5,
    maxItems: 5,
    description: 'What 1 to 5 mean, from "not at all" to "fully"',
  })
  anchors!: QuestionnaireText[];
}

class HeadingResponse {
  @ApiProperty({ enum: BARRIERS }) code!: Barrier;
  @ApiProperty({ minimum: 0, description: "The heading's weight in the overall score" }) weight!: number;
  @ApiProperty({ type: QuestionnaireText }) title!: QuestionnaireText;
  @ApiProperty({ type: QuestionResponse, isArray: true, minItems: 3, maxItems: 5 })
  questions!: QuestionResponse[];
}

export class QuestionnaireResponse {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 999, example: 1 }) version!: number;
  @ApiProperty({ type: HeadingResponse, isArray: true }) headings!: HeadingResponse[];
}
