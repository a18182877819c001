import { buildCalendar } from '../src/calendar/calendar.js';
export const calendar = buildCalendar([]);
export const estimatingCalendar = buildCalendar([], { estimateUncovered: true });
