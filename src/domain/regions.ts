/** Regions where Amazon Redshift (provisioned) is offered; the region picker lists these plus the profile's own. */
export const REDSHIFT_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-gov-east-1',
  'us-gov-west-1',
  'cn-north-1',
  'cn-northwest-1',
];

export interface RegionChoice {
  region: string;
  /** Why it is offered besides the static list: the profile's region, the current one. */
  note?: string;
}

/** The current region first, then the profile's, then the static list; no duplicates. */
export function regionChoices(current: string | undefined, profileRegion: string | undefined): RegionChoice[] {
  const out: RegionChoice[] = [];
  const seen = new Set<string>();
  const add = (region: string | undefined, note?: string) => {
    if (!region) return;
    const existing = out.find((c) => c.region === region);
    if (existing) {
      if (note && !existing.note?.includes(note)) existing.note = existing.note ? `${existing.note}, ${note}` : note;
      return;
    }
    if (seen.has(region)) return;
    seen.add(region);
    out.push(note ? { region, note } : { region });
  };
  add(current, 'current');
  add(profileRegion, 'profile');
  for (const region of REDSHIFT_REGIONS) add(region);
  return out;
}
