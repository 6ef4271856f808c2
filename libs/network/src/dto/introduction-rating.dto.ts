import { NumberFromText } from '@app/web';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const blankToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
// eslint-disable-next-line no-control-regex -- newlines and tabs are allowed, other control characters not
const PARAGRAPH = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** One side's answer to "did the introduction help?", as posted (radios and a textarea, no JavaScript). */
export class IntroductionRatingDto {
  @Transform(blankToUndefined)
  @NumberFromText()
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @IsOptional()
  @Transform(blankToUndefined)
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @MaxLength(2000)
  @Matches(PARAGRAPH)
  comment?: string;
}
