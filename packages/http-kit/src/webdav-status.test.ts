import { describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { webdavStatusHeader } from './webdav-status.js';

describe('webdavStatusHeader', () => {
  const app = express();
  app.use(webdavStatusHeader);
  app.get('/created', (_req, res) => { res.status(201).end(); });
  app.get('/custom', (_req, res) => { res.writeHead(207, 'Multi-Status', { 'Content-Type': 'text/xml' }).end('<x/>'); });

  it('mirrors whatever status the handler wrote', async () => {
    expect((await request(app).get('/created')).headers['x-webdav-status']).toBe('201 Created');
    const custom = await request(app).get('/custom');
    expect(custom.headers['x-webdav-status']).toBe('207 Multi-Status');
    expect(custom.headers['content-type']).toBe('text/xml');
    expect((await request(app).get('/missing')).headers['x-webdav-status']).toBe('404 Not Found');
  });
});
