import { startHocuspocus } from './hocuspocus.ts';
import { startPlenary } from './plenary.ts';
import { startRelay } from './relay.ts';
import type { SystemHandle, SystemName, SystemOptions } from './types.ts';

export function startSystem(name: SystemName, options: SystemOptions): Promise<SystemHandle> {
  switch (name) {
    case 'plenary':
      return startPlenary(options);
    case 'hocuspocus':
      return startHocuspocus(options);
    case 'relay':
      return startRelay(options);
  }
}
