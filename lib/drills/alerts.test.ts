import { alertLabel, alertSchedule, crossedAlerts, formatClock, lastPassedAlert } from './alerts';

describe('alertSchedule', () => {
  it('uses the exam alerts at 30, 15 and 5 minutes for a 2-hour drill and longer', () => {
    expect(alertSchedule(7200).map((a) => a.atSeconds)).toEqual([1800, 900, 300]);
    expect(alertSchedule(4 * 3600).map((a) => a.atSeconds)).toEqual([1800, 900, 300]);
    expect(alertSchedule(7200).map((a) => a.label)).toEqual(['30 minutes left', '15 minutes left', '5 minutes left']);
  });
  it('scales the alerts down for short drills', () => {
    expect(alertSchedule(600).map((a) => a.atSeconds)).toEqual([150, 75, 25]);
    expect(alertSchedule(3600).map((a) => a.atSeconds)).toEqual([900, 450, 150]);
    expect(alertSchedule(60).map((a) => a.atSeconds)).toEqual([15, 8, 3]);
  });
  it('drops alerts that would be below one second', () => {
    expect(alertSchedule(10).map((a) => a.atSeconds)).toEqual([3, 1]);
  });
});

describe('crossedAlerts', () => {
  const schedule = alertSchedule(600);
  it('fires each alert once as the time crosses it', () => {
    expect(crossedAlerts(schedule, 151, 150).map((a) => a.atSeconds)).toEqual([150]);
    expect(crossedAlerts(schedule, 150, 149)).toEqual([]);
    expect(crossedAlerts(schedule, 200, 20).map((a) => a.atSeconds)).toEqual([150, 75, 25]);
  });
  it('does not replay alerts after a reload', () => {
    expect(crossedAlerts(schedule, 100, 100)).toEqual([]);
    expect(lastPassedAlert(schedule, 100)?.atSeconds).toBe(150);
    expect(lastPassedAlert(schedule, 500)).toBeNull();
  });
});

describe('formatting', () => {
  it('formats clocks and labels', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(59.2)).toBe('1:00');
    expect(formatClock(125)).toBe('2:05');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(alertLabel(60)).toBe('1 minute left');
    expect(alertLabel(75)).toBe('75 seconds left');
    expect(alertLabel(450)).toBe('8 minutes left');
  });
});
