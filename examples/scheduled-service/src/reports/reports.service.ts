import { Injectable } from '@nestjs/common';

export interface Report {
  id: string;
  rows: number;
}

@Injectable()
export class ReportsService {
  async build(period: 'daily' | 'weekly'): Promise<Report> {
    return { id: `${period}-${new Date().toISOString().slice(0, 10)}`, rows: 0 };
  }

  async publish(report: Report): Promise<void> {
    void report;
  }

  async refreshDashboards(): Promise<void> {}
}
