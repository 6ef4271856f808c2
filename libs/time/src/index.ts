export { isIsoDate, addDays, daysBetween, isoWeekday } from './calendar-date';
export { isTimeZone, localDate, wallClockOf, atWallClock, addLocalDays, parseWallClock } from './zoned-time';
export type { WallClock } from './zoned-time';
export { formatDate, formatDateTime, formatMonth, formatNumber, localeOf } from './format';
