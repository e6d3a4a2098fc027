import type { ComponentType } from 'react';
import type { IconName } from '../components/Icon';
import { AssetBrowser } from './assets/AssetBrowser';
import { InstructionsScreen } from './instructions/InstructionsScreen';
import { LabelScreen } from './label/LabelScreen';
import { PeopleScreen } from './people/PeopleScreen';
import { WorkQueueScreen } from './queue/WorkQueueScreen';
import { RoundsScreen } from './rounds/RoundsScreen';
import { AgreementScreen } from './agreement/AgreementScreen';
import { SubmissionsScreen } from './submissions/SubmissionsScreen';

/**
 * The screens of an open project, in sidebar order. To add a screen (Label, Instructions,
 * Rounds, Agreement, ...) append one entry here; the shell renders the sidebar and the
 * active screen from this list and knows nothing else about them.
 */
export type NavGroup = 'Data' | 'Labeling' | 'Quality';

export interface ScreenDef {
  id: string;
  label: string;
  group: NavGroup;
  icon?: IconName;
  component: ComponentType;
  /** Shown in the sidebar only to leads (the services enforce the rule). */
  leadOnly?: boolean;
}

/** Sidebar sections, top to bottom; a section shows once it has a screen. */
export const navGroups: readonly NavGroup[] = ['Data', 'Labeling', 'Quality'];

export const screens: readonly ScreenDef[] = [
  { id: 'assets', label: 'Assets', group: 'Data', icon: 'grid', component: AssetBrowser },
  {
    id: 'instructions',
    label: 'Instructions',
    group: 'Data',
    icon: 'book',
    component: InstructionsScreen,
  },
  {
    id: 'people',
    label: 'People',
    group: 'Data',
    icon: 'people',
    component: PeopleScreen,
    leadOnly: true,
  },
  { id: 'queue', label: 'My queue', group: 'Labeling', icon: 'inbox', component: WorkQueueScreen },
  { id: 'label', label: 'Label', group: 'Labeling', icon: 'box', component: LabelScreen },
  { id: 'rounds', label: 'Rounds', group: 'Labeling', icon: 'rounds', component: RoundsScreen },
  {
    id: 'agreement',
    label: 'Agreement',
    group: 'Quality',
    icon: 'chart',
    component: AgreementScreen,
  },
  {
    id: 'submissions',
    label: 'Submissions',
    group: 'Quality',
    icon: 'check',
    component: SubmissionsScreen,
    leadOnly: true,
  },
];

export const defaultScreenId = 'assets';

export function findScreen(id: string): ScreenDef {
  return screens.find((s) => s.id === id) ?? screens[0]!;
}
