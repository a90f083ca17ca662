/** Building blocks of the letter pages: the stylesheet link, the clock tag, date-time text. */
import { ModuleStylesheets } from '../../../http/kit/module-stylesheet.tsx';
import { LETTER_CLOCK_STATE_LABELS, type LetterClockState } from '../letter-clock.ts';

export const LETTERS_CSS = 'letters';

export function LettersStyles() {
  return <ModuleStylesheets names={[LETTERS_CSS]} />;
}

/** 正常 / 临期 / 超期 / 按期办结 / 超期办结 as text (colour only repeats it). */
export function ClockTag({ state }: { state: LetterClockState }) {
  return <span class={`clock clock-${state}`}>{LETTER_CLOCK_STATE_LABELS[state]}</span>;
}

/** An ISO timestamp as China local time, e.g. 2026-03-02 10:00. */
export function chinaDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
