/**
 * Market-booth schedules in Thai. The catalog file gives them in English ("every Saturday,
 * 16:00-22:00"); this renders the patterns it uses ("ทุกวันเสาร์ 16:00–22:00"). A schedule in
 * another pattern is refused with its text, so a new catalog cannot slip an English schedule
 * onto the Thai page: add its pattern here.
 */
const dayNames: Record<string, string> = {
  Monday: "วันจันทร์",
  Tuesday: "วันอังคาร",
  Wednesday: "วันพุธ",
  Thursday: "วันพฤหัสบดี",
  Friday: "วันศุกร์",
  Saturday: "วันเสาร์",
  Sunday: "วันอาทิตย์",
};
const day = `(?:${Object.keys(dayNames).join("|")})`;
const weekly = new RegExp(`^every (${day}(?:(?:, | and )${day})*), (\\d{1,2}[:.]\\d{2}) ?[-–] ?(\\d{1,2}[:.]\\d{2})$`);

export function scheduleInThai(schedule: string): string {
  const match = weekly.exec(schedule.trim());
  if (!match) throw new Error(`No Thai rendering for the schedule "${schedule}": add its pattern to prisma/seed/schedules.ts`);
  const [, days, from, to] = match;
  const thaiDays = days.split(/, | and /).map((name) => dayNames[name]);
  const time = (clock: string) => clock.replace(".", ":").padStart(5, "0");
  // "วันเสาร์และวันอาทิตย์"; three or more: "วันจันทร์ วันพุธ และวันศุกร์".
  const last = thaiDays.pop()!;
  const list = thaiDays.length === 0 ? last : thaiDays.length === 1 ? `${thaiDays[0]}และ${last}` : `${thaiDays.join(" ")} และ${last}`;
  return `ทุก${list} ${time(from)}–${time(to)}`;
}
