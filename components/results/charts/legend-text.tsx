// Legend labels in body text colour: Recharts colours them like their series, which is unreadable for pale fills.
export const legendText = (value: string) => <span style={{ color: "#1b1f24" }}>{value}</span>;
