/** Per-IP limits of the public 依申请公开 forms (REQUEST_FORM_/REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE in config.ts). */
export interface RequestLimits {
  applyPerMinute: number;
  lookupPerMinute: number;
}
