/** Today's date (YYYY-MM-DD) in the programme's time zone: absences and contact dates are calendar days. */
export function programmeDate(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
