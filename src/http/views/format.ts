/** Formatting shared by the views of every module. */

/** A timestamp as China time, e.g. 2026/12/1 08:19:55. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
