// A handful of 16px stroke icons, inline so the app needs no icon font or network.
const paths = {
  folder:
    'M2 4.5A1.5 1.5 0 0 1 3.5 3h3l1.5 1.5h4.5A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z',
  file: 'M4 2h5l3 3v9H4zM9 2v3h3',
  image: 'M2.5 3h11v10h-11zM2.5 11l3.5-3.5 3 3 2-2 2.5 2.5M10.5 6.2a.7.7 0 1 0 0-.01',
  audio: 'M2 8h1M4.5 5v6M7 3v10M9.5 6v4M12 4.5v7M14 8h0',
  grid: 'M2.5 2.5h4.5v4.5H2.5zM9 2.5h4.5v4.5H9zM2.5 9h4.5v4.5H2.5zM9 9h4.5v4.5H9z',
  up: 'M8 13V3M3.5 7.5 8 3l4.5 4.5',
  close: 'M4 4l8 8M12 4l-8 8',
  plus: 'M8 3v10M3 8h10',
  minus: 'M3 8h10',
  import: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 11v2.5h11V11',
  search: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM10.5 10.5 14 14',
  chevronLeft: 'M10 3 5 8l5 5',
  chevronRight: 'M6 3l5 5-5 5',
  play: 'M5 3.5v9l7-4.5z',
  pause: 'M5 3.5v9M11 3.5v9',
  fit: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10',
  sample: 'M3 2.5h10v11H3zM5.5 5.5h5M5.5 8h5M5.5 10.5h3',
  open: 'M2 4.5A1.5 1.5 0 0 1 3.5 3h3l1.5 1.5h4.5A1.5 1.5 0 0 1 14 6v.5M2 4.5V12.5h10.5L14.5 7H4.5L2 12.5',
  alert: 'M8 2 14.5 13.5h-13zM8 6.5v3M8 11.5v.01',
  check: 'M3 8.5 6.5 12 13 4.5',
  trash: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 9h5.6l.7-9',
  layers: 'M8 2.5 14 5.5 8 8.5 2 5.5zM2 8.5l6 3 6-3M2 11.5l6 3 6-3',
  chart: 'M2.5 13.5h11M4.5 11V7.5M7.5 11V4M10.5 11V8.5M13 11V6',
  // One per screen of the sidebar, so no two screens look alike.
  book: 'M8 4.5C6.5 3.3 4.3 3 2 3.5v9c2.3-.5 4.5-.2 6 1 1.5-1.2 3.7-1.5 6-1v-9c-2.3-.5-4.5-.2-6 1zM8 4.5v9',
  people:
    'M6 7.5a2.25 2.25 0 1 0 0-4.5 2.25 2.25 0 0 0 0 4.5zM1.8 13.5c.3-2.3 2-3.7 4.2-3.7s3.9 1.4 4.2 3.7M10.5 3.2a2.25 2.25 0 0 1 0 4.1M12.2 10.1c1.1.5 1.8 1.8 2 3.4',
  inbox: 'M2 9.5h3.5l1 1.5h3l1-1.5H14M2 9.5 4 3h8l2 6.5V13H2z',
  box: 'M5 3.5h6M5 12.5h6M3.5 5v6M12.5 5v6M2.5 2.5h2v2h-2zM11.5 2.5h2v2h-2zM2.5 11.5h2v2h-2zM11.5 11.5h2v2h-2z',
  rounds:
    'M13.5 7.5a5.5 5.5 0 0 0-10-2.7M2.5 8.5a5.5 5.5 0 0 0 10 2.7M3.3 2.2v2.8h2.8M12.7 13.8V11H9.9',
} as const;

export type IconName = keyof typeof paths;

/** One 16px stroke path as an inline SVG; every icon set in the app draws through this. */
export function SvgIcon({
  d,
  size = 16,
  className,
}: {
  d: string;
  size?: number;
  className?: string;
}) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={d} />
    </svg>
  );
}

export function Icon({
  name,
  size = 16,
  className,
}: {
  name: IconName;
  size?: number;
  className?: string;
}) {
  return <SvgIcon d={paths[name]} size={size} className={className} />;
}
