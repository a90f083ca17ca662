/** The process logger: JSON lines on stdout/stderr. Personal data is never passed to it. */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** JSON lines on stdout/stderr, honouring LOG_LEVEL ('silent' writes nothing). */
export function consoleLogger(level = 'info'): Logger {
  const min = level === 'silent' ? Number.POSITIVE_INFINITY : LEVELS.indexOf(level);
  const line = (lvl: string, o: object | string, m?: string) =>
    JSON.stringify({
      level: lvl,
      time: new Date().toISOString(),
      msg: m ?? o,
      ...(typeof o === 'object' ? o : {}),
    });
  return {
    info: (o, m) => LEVELS.indexOf('info') >= min && console.log(line('info', o, m)),
    warn: (o, m) => LEVELS.indexOf('warn') >= min && console.warn(line('warn', o, m)),
    error: (o, m) => LEVELS.indexOf('error') >= min && console.error(line('error', o, m)),
  } as Logger;
}
