/** The dashboard's charts (recharts): check-ins per day (electronic vs paper), per channel, per category. */
import { channelName } from '../../../shared/channels.js';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../app/lang.js';
import type { UnitStats } from '../../../shared/api/stats.js';

/** A colour of colours.css, as the charts need it in their attributes. */
const colour = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
const GREEN = colour('--brand');
const AMBER = colour('--yellow');

export function DayChart({ days }: { days: UnitStats['days'] }) {
  const { t } = useT();
  const data = days.map((d) => ({
    date: d.date.slice(5).split('-').reverse().join('/'),
    [t.dash_electronic]: d.checkIns.electronic,
    [t.dash_paper]: d.checkIns.paper,
  }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} width={48} />
        <Tooltip />
        <Legend />
        <Bar dataKey={t.dash_electronic} stackId="a" fill={GREEN} isAnimationActive={false} />
        <Bar dataKey={t.dash_paper} stackId="a" fill={AMBER} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ChannelChart({ byChannel }: { byChannel: UnitStats['checkIns']['byChannel'] }) {
  const { t, lang } = useT();
  const data = Object.entries(byChannel).map(([channel, n]) => ({ channel: channelName(channel, lang), n }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="channel" width={120} fontSize={12} />
        <Tooltip />
        <Bar dataKey="n" name={t.dash_check_ins} fill={GREEN} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CategoryChart({ categories }: { categories: UnitStats['categories'] }) {
  const { t } = useT();
  const data = categories.slice(0, 10).map((c) => ({
    name: c.name,
    [t.dash_venues_registered]: c.venues.registered,
    [t.dash_venues_active]: c.venues.active,
  }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, data.length * 34 + 60)}>
      <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="name" width={180} fontSize={12} />
        <Tooltip />
        <Legend />
        <Bar dataKey={t.dash_venues_registered} fill="#9fd1bd" isAnimationActive={false} />
        <Bar dataKey={t.dash_venues_active} fill={GREEN} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
