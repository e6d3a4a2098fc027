// Editor-specific 16px stroke icons, drawn in the style of components/Icon.
import { SvgIcon } from '../../components/Icon';
const paths = {
  select: 'M3.5 2.5l9 5-4 1.2 2.6 4.3-1.6.9-2.6-4.3L3.5 12z',
  draw: 'M2.5 4.5v-2h2M11.5 2.5h2v2M13.5 11.5v2h-2M4.5 13.5h-2v-2M6.5 2.5h3M6.5 13.5h3M2.5 6.5v3M13.5 6.5v3',
  undo: 'M5.5 3.5 2.5 6.5l3 3M2.5 6.5h7a3.5 3.5 0 0 1 0 7H7',
  redo: 'M10.5 3.5l3 3-3 3M13.5 6.5h-7a3.5 3.5 0 0 0 0 7H9',
  eye: 'M1.5 8s2.5-4.5 6.5-4.5S14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  eyeOff:
    'M2.5 2.5l11 11M6.3 4a6.6 6.6 0 0 1 1.7-.5c4 0 6.5 4.5 6.5 4.5a11 11 0 0 1-1.9 2.4M9.7 12.1a6 6 0 0 1-1.7.4C4 12.5 1.5 8 1.5 8a11.3 11.3 0 0 1 2.6-3',
  zoomIn: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM10.5 10.5 14 14M5 7h4M7 5v4',
  zoomOut: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM10.5 10.5 14 14M5 7h4',
  fit: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10',
  actual: 'M3.5 5 5 4v8M10 5l1.5-1v8M8 7v.01M8 10v.01',
  copy: 'M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3',
  keyboard: 'M1.5 4.5h13v8h-13zM4 7h.01M6.5 7h.01M9 7h.01M11.5 7h.01M5 10h6',
  sidebar: 'M2.5 3h11v10h-11zM6.5 3v10M3.8 5.5h1.4M3.8 7.5h1.4',
  book: 'M2.5 3h4a1.5 1.5 0 0 1 1.5 1.5V13a1 1 0 0 0-1-1h-4.5zM13.5 3h-4A1.5 1.5 0 0 0 8 4.5V13a1 1 0 0 1 1-1h4.5z',
} as const;

export type LabelIconName = keyof typeof paths;

export function LabelIcon({ name, size = 16 }: { name: LabelIconName; size?: number }) {
  return <SvgIcon d={paths[name]} size={size} />;
}
