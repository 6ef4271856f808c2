import { NumberFromText } from '@app/web';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const blankToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** The survey form, as posted (works without JavaScript: radios and a textarea). */
export class SurveyAnswersDto {
  @Transform(blankToUndefined)
  @NumberFromText()
  @IsInt({ message: 'Choose how satisfied you are overall' })
  @Min(1, { message: 'Choose how satisfied you are overall' })
  @Max(5, { message: 'Choose how satisfied you are overall' })
  overall!: number;

  @Transform(blankToUndefined)
  @NumberFromText()
  @IsInt({ message: 'Choose how helpful your adviser was' })
  @Min(1, { message: 'Choose how helpful your adviser was' })
  @Max(5, { message: 'Choose how helpful your adviser was' })
  adviser!: number;

  @IsIn(['yes', 'partly', 'no'], { message: 'Choose whether the programme helped you export' })
  helpedExport!: 'yes' | 'partly' | 'no';

  @IsIn(['yes', 'no'], { message: 'Choose whether you would recommend the programme' })
  recommend!: 'yes' | 'no';

  @IsOptional()
  @Transform(blankToUndefined)
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @MaxLength(2000, { message: 'Your comments must be 2000 characters or fewer' })
  comments?: string;
}
