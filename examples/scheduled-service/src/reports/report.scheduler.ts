import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { Cron, Interval } from '@nestjs/schedule';

import { ReportsService } from './reports.service';

// The same reports in the NestJS version of the service (linted and rewritten by the demo, not run).
@Injectable()
export class ReportScheduler implements OnModuleInit {
  private readonly logger = new Logger(ReportScheduler.name);

  constructor(private readonly reports: ReportsService) {}

  onModuleInit(): void {
    this.logger.log('report schedules registered');
  }

  @Cron('0 3 * * *', { name: 'nightly-pdf-report', timeZone: 'Europe/Berlin' })
  async buildNightlyPdf(): Promise<void> {
    const report = await this.reports.build('daily');
    await this.reports.publish(report);
    this.logger.log(`published ${report.id}`);
  }

  @Interval(60_000)
  async refreshDashboards(): Promise<void> {
    await this.reports.refreshDashboards();
  }
}
