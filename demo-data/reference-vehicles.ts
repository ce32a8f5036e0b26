// Vehicle makes and models with the manufacturer code (WMI) that starts their VIN. The ATM crews' cars of
// choice are fast estates (Audi RS/S models); the rest is ordinary traffic.

export interface VehicleModel {
  make: string;
  model: string;
  wmi: string;
  kind: 'car' | 'van' | 'motorcycle';
}

export const FAST_CARS: VehicleModel[] = [
  { make: 'Audi', model: 'RS6 Avant', wmi: 'WUA', kind: 'car' },
  { make: 'Audi', model: 'RS4 Avant', wmi: 'WUA', kind: 'car' },
  { make: 'Audi', model: 'S6 Avant', wmi: 'WAU', kind: 'car' },
  { make: 'BMW', model: 'M5', wmi: 'WBS', kind: 'car' },
  { make: 'Volkswagen', model: 'Golf R', wmi: 'WVW', kind: 'car' },
];

export const ORDINARY_CARS: VehicleModel[] = [
  { make: 'Volkswagen', model: 'Golf', wmi: 'WVW', kind: 'car' },
  { make: 'Volkswagen', model: 'Polo', wmi: 'WVW', kind: 'car' },
  { make: 'Renault', model: 'Clio', wmi: 'VF1', kind: 'car' },
  { make: 'Peugeot', model: '208', wmi: 'VF3', kind: 'car' },
  { make: 'Opel', model: 'Corsa', wmi: 'W0L', kind: 'car' },
  { make: 'Toyota', model: 'Yaris', wmi: 'JTD', kind: 'car' },
  { make: 'Skoda', model: 'Octavia', wmi: 'TMB', kind: 'car' },
  { make: 'Kia', model: 'Niro', wmi: 'KNA', kind: 'car' },
  { make: 'Mercedes-Benz', model: 'C 200', wmi: 'WDD', kind: 'car' },
  { make: 'BMW', model: '320d', wmi: 'WBA', kind: 'car' },
  { make: 'Tesla', model: 'Model 3', wmi: 'LRW', kind: 'car' },
];

export const VANS: VehicleModel[] = [
  { make: 'Mercedes-Benz', model: 'Sprinter', wmi: 'WDB', kind: 'van' },
  { make: 'Volkswagen', model: 'Transporter', wmi: 'WV2', kind: 'van' },
  { make: 'Ford', model: 'Transit', wmi: 'WF0', kind: 'van' },
];

export const MOTORCYCLES: VehicleModel[] = [
  { make: 'Harley-Davidson', model: 'Fat Boy', wmi: '1HD', kind: 'motorcycle' },
  { make: 'Harley-Davidson', model: 'Road King', wmi: '1HD', kind: 'motorcycle' },
  { make: 'Harley-Davidson', model: 'Street Glide', wmi: '1HD', kind: 'motorcycle' },
  { make: 'Indian', model: 'Chief', wmi: '56K', kind: 'motorcycle' },
];

/** Colours as Dutch and Belgian registers write them (Dutch). */
export const COLOURS = ['zwart', 'grijs', 'wit', 'blauw', 'zilver', 'rood', 'groen', 'bruin'];
