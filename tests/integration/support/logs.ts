import type { DestinationStream } from 'pino';

export interface LogLine {
  level: number;
  msg: string;
  doc?: string;
  conn?: string;
  [key: string]: unknown;
}

/** A pino destination that keeps every log line, parsed, for assertions. */
export function captureLogs(): DestinationStream & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    write(line: string) {
      for (const part of line.split('\n')) if (part.trim()) lines.push(JSON.parse(part) as LogLine);
    },
  };
}

/** pino's numeric levels. */
export const LogLevel = { info: 30, warn: 40, error: 50 } as const;
