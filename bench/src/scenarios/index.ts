import { s1 } from './s1.ts';
import { s2 } from './s2.ts';
import { s3 } from './s3.ts';
import { s4 } from './s4.ts';
import { s5 } from './s5.ts';
import { s6 } from './s6.ts';
import { s7 } from './s7.ts';
import { s8 } from './s8.ts';
import type { Scenario } from './types.ts';

export const SCENARIOS: readonly Scenario[] = [s1, s2, s3, s4, s5, s6, s7, s8];
