// The demo organisation: two sections in two countries, an owner-organiser and a member per section.
// All addresses are on example.org, so nothing real is ever mailed by accident.
export const DEMO_PASSWORD = "solidarity-demo";

export const demoOrganisation = {
  name: "Solidarity Network (demo)",
  slug: "solidarity-network",
  sections: [
    { key: "brussels", name: "Brussels section", country: "BE", city: "Brussels", contactEmail: "brussels@example.org" },
    { key: "berlin", name: "Berlin section", country: "DE", city: "Berlin", contactEmail: "berlin@example.org" },
  ],
  users: [
    { email: "organiser@example.org", name: "Demo Organiser", role: "owner", section: null },
    { email: "brussels@example.org", name: "Brussels Member", role: "section_member", section: "brussels" },
    { email: "berlin@example.org", name: "Berlin Member", role: "section_member", section: "berlin" },
  ],
} as const;
