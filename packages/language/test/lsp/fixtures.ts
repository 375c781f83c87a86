/** The LANGUAGE.md example, split over two files: people and the vision in one, missions in the other. */
export const PEOPLE = `vision Acme "Be the most trusted regional healthcare provider" {
  horizon 2030-12-31
}

person alice "Alice Smith" { capacity 1 }
person bob "Bob Jones" { capacity 2 }
person cara "Cara Diaz"
team clinical "Clinical operations" { members bob, cara }
`;

export const MISSIONS = `mission Grow "Grow the patient base" under Acme {
  intent "Serve more patients without lowering care quality" {
    end state "40,000 registered patients"
    key task "Open three clinics in the north"
  }
  lead alice
  status active
  review every 30 days last 2026-11-01
  value 120k GBP per week
  boundary {
    window 2026-01-01 .. 2026-12-31
    budget 2.5M GBP
  }
  measure patients "Registered patients" {
    baseline 25_000
    target 40_000
    current 31_000
    unit patients
  }
}

mission Clinics "Open three clinics" under Grow {
  intent "A clinic within 20 minutes of every northern patient"
  lead bob
  crew clinical
  boundary { window 2026-02-01 .. 2026-09-30  budget 1.2M GBP }
  measure opened "Clinics open" { target 3 current 1 unit clinics }
  measure registered "Patients registered at new clinics" {
    target 9_000 current 4_000 unit patients contributes to Grow.patients
  }
  supports Recruit
}

mission Recruit "Recruit clinicians" under Grow {
  intent "Staff the new clinics before they open"
  lead cara
  status staged
  measure hired { baseline 0 target 40 unit clinicians }
}
`;
