/**
 * Media for the demo seed, generated in the browser (no network, no binary assets in the repo except
 * one tiny recorded clip): SVG pictures, a WAV tone, a text file, and a 1.5 s VP8 WebM.
 */

/** A picture: a gradient card with a caption. Text is XML-escaped. */
export function svgPicture(width: number, height: number, hue: number, caption: string): Blob {
  const escaped = caption.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 60%)"/>` +
    `<stop offset="1" stop-color="hsl(${(hue + 60) % 360} 70% 40%)"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>` +
    `<circle cx="${width * 0.75}" cy="${height * 0.3}" r="${height * 0.12}" fill="#fff" opacity=".8"/>` +
    `<path d="M0 ${height} L${width * 0.35} ${height * 0.45} L${width * 0.6} ${height * 0.8} L${width * 0.8} ${height * 0.6} L${width} ${height}Z" fill="#000" opacity=".25"/>` +
    `<text x="16" y="${height - 16}" font-family="sans-serif" font-size="${Math.round(height / 12)}" fill="#fff">${escaped}</text></svg>`;
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** A short two-note chime as 8 kHz 8-bit mono WAV. */
export function wavChime(seconds = 1.2): Blob {
  const rate = 8000;
  const samples = Math.round(rate * seconds);
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true); // byte rate
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const hz = t < seconds / 2 ? 659 : 880;
    const envelope = Math.exp(-3 * ((t % (seconds / 2)) / (seconds / 2)));
    bytes[44 + i] = 128 + Math.round(60 * envelope * Math.sin(2 * Math.PI * hz * t));
  }
  return new Blob([bytes], { type: 'audio/wav' });
}

/** 96×64, 1.5 s, VP8 in WebM, recorded once with MediaRecorder from a canvas (a moving dot). */
const CLIP =
  'GkXfo59ChoEBQveBAULygQRC84EIQoKEd2VibUKHgQRChYECGFOAZwEAAAAAABXtEU2bdLlNu4tTq4QVSalmU6yBbk27i1OrhBZUrmtTrIGTTbuLU6uEH0O2dVOsgcFNu4xTq4QcU7trU6yCFdvsrgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAVSalmoCrXsYMPQkBEiYREtZmiTYCGQ2hyb21lV0GGQ2hyb21lFlSua6mup9eBAXPFh6e4zm4hVrCDgQFV7oEBhoVWX1ZQOOCKsIFguoFAU8CBAR9DtnUBAAAAAAAVDueBAKBBCaFA1IEAAAAQBwCdASpgAEAABMcIhYWImYSIGgIDIHZYEA3YCdgjYMwywT4iPdHG8lYwSl41v85G2m2jzhreorDb1SCY9isxDAD+2iaB4jphP/xDn9bf9ymtF9RjhxZk0pEeuVd2wY6z5HMJJal8sr1iYvNrXwYRQ4S0lojbsXfhbA6cFz8z4SkRVZ7OAkxgGb51nNkKi3lG7sbHnvmGTmM/uuJqv8RCbrlCnSpWy+Gs6r4Q16t9f9vY7RgZ2dpmmJXWKOS0hzknelkARPcd9Rp3TZUy614AdaGvpq3ugQGlqFADAJ0BKmAAQAAKhwiFhYiZhIg4AgAGTCfOnTp06dOnTp03wP7rrgCgQKahQISBAEIAkQUAExD0ABhnDOgqzV1UFDo2aCOR3v/J/CQM//YALeng4yl9tvQhwObNiEKCWwCbl6q7VvAUO9zNwGUzwHSuril9r47w2ADlPxAnkowcRhc0RjKp99qPzHf+eU/cfdoJwC1ZFlfppHESnV8uGM9XYEc7ICnBbjskIcfPe8kIQgB1oZmml+6BAaWS0QEAKhHAABgAGFgv9AAIhSgA+4EAoECioUCAgQCEALEDABcQ5AAYB5pVIJju+DhgGCOiU6YYE80R6aJjGzPg/s9zqkSwfX2S/k63C0pyhAAKx707pqYe5bzbbK6iEO26AsiNN4nFuk6LMb/c+qfL1XJDrWnBgE5ia5Ogco45VrQ/5q+D5P9dixad2Gs6pQDroElp0vSL3sQ54QB1oZmml+6BAaWS0QEAKhFsABgAGFgv9AAIhSgA+4FCoECvoUCNgQDGABEEABcQpAAewhh6qxA64m2Y8bqgEz9de5Syai9d8fROvAgA/uqcz/GLdi3YsybXpDidXN2eDM94kyWh1bxt5Fs07EPGCG78Mz+WOPOK74nRjPpcM+dY8Td0DE6rdcoAAEjKZqetW/bH6SBdHppnVkj4gPVHXkhYAhGvunUI7FYo17/eYV47Ly1QdaGZppfugQGlktEBACoRQAAYABhYL/QACIUoAPuBhKBAv6FAnYEBCAAxBAAZEIwAGBIktwUKrkgAyoUfsAEgvB3jivAKn1jXvFd5epz+7+2n+bN/DX182DtHNHdnjkaStqaIMPDJnqze87XKFMqLaiM+FtSusvczljPJOWn01wf0qjm0fnIDgHQZdiLWuZ3s1/1mWWfLTI/LGL0TKHm9d4LYKAMI+IOXIf6xe0Xw+AO3ItIbZDwF4E6Cq0YozAAAAAB1oZmml+6BAaWS0QEAKhEUABgAGFgv9AAIhSgA+4HGoECZofeBAUoAEQQAHRB8ABhm/pwvWgOEYKvcJbkA2DZDyo+SAvkeyQju0AD+8RIV/Rqv+Gq/4arr7jeLOXMtydYjn9RXMueuQCwEx5CkF70jx5fPFgAaugMjsmPsdTNrOaDwTNEpY2I0frqvse/JlWpEX5FYAOV6pPTkQHWhmaaX7oEBpZLRAQAqEPQAGAAYWC/0AAiFKAD7ggEIoEDLoUCcgQGMAHEEAB0QZAAYZYGfCcc3+AZeAFnKauCAtduCufgim+PcLaBzgBAA/vEnb/VAP1QD9UA8qj5MqMe+YvWDP7tsqeTHPhBYjztnL1yuSZ9BHMadbTxH1MLIrivHXxwYx8Wq0Aw7PAsYyc/GZT6AHoeOXc87ycx2QNxMxsWm9NZ33KCDPexfiVlclFdBIgAkjY7hXKALH6gj8AAAdaGlpqPugQGlnhECACoQ1AAYQ/cGxKa+UACIaADYKSNj/MyvOIV3APuCAUqgQQahQOOBAhAA8QQAHRBYAByIDPAYPxi4mTtKCxp7/DgVvVGrbEr8fMOIxIGcTyFIcFwA/u5c7/n7+Lk0z/MLZCwYRMPIZ9QNYx/daBjHYEjcZTcI2tNp/4q/QXeZgANu1HivAIT6qoEVg/34dP2Gp0+nq3cFdLylyH1iFyIyfvLor3CvjNq8AsrpzgfS+vLLpRQnw9NjPV3gybWfKvUfLL5M7Vnw//IeBGK4fQ6/NzQZzyVS2NDyIURRCiYpU+9UNL4DFjma+phLtLByGVf50hSAWtYsjlxyLQCwNEn5fNemc+CsgBwgAHWhmaaX7oEBpZLRAQAqEPgUYABhYL/QACIUoAD7ggGMoEDYoUC1gQJSAHEDAB0QUAAa1fwAg9DdzQDaG1GgGhoxhB8kg0MYAP7rYm/ztebuhz/WcczjmcE56Ah9iaE6NxAGsYHHlhNU0cJvKl+uzqER/49YxopFQf9H0Ly/OJmSCrVLGkDj9jMqOqxfV7dt0es+e8ZcF1hDm6QBTTfxe0hEucfKXPyahKxtu7sq1KPi3wjtqAcIm+xtAXXylc2c3ZRn0vj+EMh4qOnXTtTcmipeTrm88msNRwAAAHWhmaaX7oEBpZLRAQAqELwAGAAYWC/0AAiFKAD7ggIQoEC3oUCUgQKUAHEDAB0QSAAYZv6igEDPiHOuASlQylTmGBSSquw5kP7tKRYt8Oi07HF0cXRw9phlKfHunxBXA1LnXOdi80VmytPVNxwA62TpDRtL47xMFtKlMaaUNhHjXMupLkAfC1eTtV2kP8ny0SjUD3GKUbF/cKrzuHPDxn8IlmSd3f4Cy9i6uEsKyMewonEaAR6tu0AAAHWhmaaX7oEBpZLRAQAqEJAAGAAYWC/0AAiFKAD7ggJSoEDLoUCogQLWABEDAB0QPAAYAB5T9/QAK93DgkHQRhHjYbGIgP7v7Yjg/gNVu+Xb5dvlkN1TLSBv+xJwtP4epg5XJyMAwiOpiHRVI0VShS55bQSBBP4xnakR7jNzgxTDknu4gunPC4VIa8e/UbFxcsBrbTaLD+VBwnNfol968kmS8L+M+ahpAedTlnqlHxoOBp7jj7dleAHA20cSfTjfGoAqsds9UL3sBHLShAAAdaGZppfugQGlktEBACoQcAAYABhYL/QACIUoAPuCApSgQMuhQKiBAxgAUQMAHRA0ABgDVABIgwFiQFsKnvCyS3FGcEYbI4D+8Mu978J74T3wnSdcRFAIYySCRs7wr1kki6wwPtRQQVmZNKGRm2uhOf4vMKLSjt2vGP44iYMDtsKrkQGwtR4PNxD7YHBeTutxAyFslZ/WGenOUN0VSLREdcqltTjehsUhik+9NHI+Qx7y503IMchSTGDCQKp6iUV0UiFm365NHp8wrzD3BOx1oZmml+6BAaWS0QEAKhBYABgAGFgv9AAIhSgA+4IC1qBA3aFAuoEDWgDxBAAbECwAGAgPWwHe1/wFPNYhl3/zADKX7f0l+1KfzOFADwEDuCvvmgD+9GuNmwTP+SBZIFkgX5IFuqwgqaa3zRvwMtN75I1drJIsuM4776s8jehNDZPZA5EC4KTPygT2oKPeifiPHx6wpk9UVg+q75UDziU4Ar+JtdZQu65ZYvy5vd1LbW5Xz22lUg7AC4/pxDxOfH0+7o50WHoFl2CfGRfDOxj1VpwBGvdQu1uZwoEDOAk8AHWhmaaX7oEBpZLRAQAqEEQAGAAYWC/0AAiFKAD7ggMYoEEEoUDhgQOcAJEEABsQKAAcjgRIeWBEGre/4WNr/3gCCg51cU9yxJwGeXcccrV4AP7xEhWevdlSW3kgWSBZIF8kC7Rshy/WcCjv0SNYSpcXyPs8r0spJ71zMWTgyOGa71kNfzn8nOK7Hp3946s5BaH5vnSiUADkCbz9cG2BDm/cnzPniK+57OtpJ7PlR5cq319PEEL2WvXt78QoYgFfr1SJvtrOfhY8Wh0AZ+x2Dpfv/E6RpoNPVSRCfv1Gs36vYeZm06ZEajP0bzGbl/8fWjeMmJVKP57Gdge/M+VK5y/44qZr+7cAdaGZppfugQGlktEBACoQKAAYABhYL/QACIUoAPuCA1qgQTWhQRKBA94AMQYAGRAkABnE+au7hI7HhssAOeA1oDtAPizcbk5gGnAgzVPHrAD5w094WTik8UZAmEwhAP7nLD2mQAgM4ffhKJG/oy7/DQ/8cYzCSDKKCizmAbUK7j8fgKW4/UknXfFRRz6bx9+1Zde1bQCRQQMfhMIBN2V1Ln18wVSjDbMV5/4Bt9u1B/+rbjECIQVa6WDmnnmgdwS5+bX8ez1M0gptB/jbKtBTRzz8cAywiP9p/xWCRsX+70z+AT/UdL3rbExMX6g8vOpU+kC2195exNjrv+nU8fSPfr8rYgdpe/O0u7XXT7qTh+bfbpx4s8YDobsnOP86UNj2d6TcesJ5QgDD7Q0Y5A4Efo/pr9PBOfkAdaGZppfugQGlktEBACoQJAAYABhYL/QACIUoAPuCA5ygQT2hQRqBBCAAkQUAFxAkABi3AUmA54DYf98S/4BtNc08qy/+A310NIrG6oBOCJf7v7h1L/Q6PED+54c97Jnml9ena25My0Z/Hi6Je4th/IhS0MVK+2M9i5Ry/TYLTnxuNZIL2TVEdNv3//RHvbBRTh6Z92jsVfc1fmMJwPQ7AkvoBcgNx+MRRGpcPq7Xgis3syZhX8TWtKe8AJRJN+D+Zre8Me1F4NLJJ1jrsHu7T3nDK8dhxEy+XAfX+6IvBNPb7Lfv/+iD6f99Fcnzm3j8uWuX9HHrzIoDqx9O6ufd5YztKiisjyWYP1S6ePVP8XIEITjsiId9OymcwZ7oS5mruaO/D/P+FEKzFVpbauLo6fmyD7LiRJ1EOHrPtRM7OQB1oZmml+6BAaWS0QEAKhAcABgAGFgv9AAIhSgA+4ID3qBBQaFBHoEEYwCRBAAZECQAG2zM/CAsP9jQGLRTgQegczzgC1Cz7kSf6WwYGGmjfAD+8qenILsguyC75BdnX26+3bCMe6Rqjj47YvXfwwEyL7ErSBf19Cc/w63XuwNroWtgcqty9gOSCGNqEQjdl8SKdcro+xpB72gBHZwTb/hiXWY2c7Pgr7rfPx8ckLhnbK0rUPXw3wMDmZEr+onyqTwcGM9ybeNsM6divtFs0Rg3qU/4A8Ziw/GK67yQCiiXQ335mdvoAoAK9xW7Nx4urdnbeisvHFsKfBr38BkV1YcxT9lN/e7h9NZSA8/rdRf3XK/j7kFjuS2IW3z+lT+8jB8LroS6qBn9ED8hg2f+PykUGIC6rrL1pSgLGPyY2GaFlr288QB1oZmml+6BAaWS0QEAKhAQABgAGFgv9AAIhSgA+4IEIKBBOaFBFYEEpADxBAAZECQAG3dD9QNIBTuBBgNjAJMC5IoPR6EZsBdr/HVlbxjTSc8OEAD++eaL0dvo7fR2/o7LrG3t9vLeDPeULWPXVCSqm2pHpmnSZac5tbPDLvJMqsu/7691u+PsTkP+kHHfvnZMthdtPq24eLPvh/I87MMq/AC0+b3wrcxTOvxrRrlpM3KOtk7nawg0obbf4tQMQEUEYwk8CPPBIOFVT8ul8kemXzwCs5jz5g9qM062w89PceXofwcXLnGSidMFtomLmiZH7oc2bJ6W9vy4exfb/iNVr6jur4qvNFamKU0+nqHUPk2z96yINHmdBJr8E9bgP8Ih8kRD4kKJlWhdFmRFz+PHnoFaysD1Wvbc6gB1oZqmmO6BAaWT8QEAKhANEADAAMLBf6AARClAAPuCBGOgQSGhQP6BBOYA8QQAGRAgABi3wArf/fgYoEk/xFld/mwI6XlXt7hnW22huWhX1KFSguMg/vgiq6O30dvo7ejiYf5Yg6qAARldwLPvcwd7Xql2E7r09NHTK6fz/y+VRG3+vaxcMfx2cEO2SDicgTv/vcEGgkqhRO/AnQ2mcokrfm+SNmYwgOgooneimrTKMfu5ziaweett9rShp6wP3fVcUEdBllNZ4cMQ9PqkIAfA0RmI/k6VqjRcRTgYxuHUwzwtepVf1qrE6gf+st2/Be/o+vTlUIrKYvSvyPn/rhe/WqoB+72wAbiXgumj7FPdrIpQwwGAdtiT2D76xwLjCi/HWzaIAHWhmaaX7oEBpZLRAQAqETgUYABhYL/QACIUoAD7ggSkoEE4oUEUgQUoABEEABcQIAAYEf/xACBthv/WAL7DHN6O/C0SB4s5+XrcdoQA/vNni2eZrczWzLy/WqW9xSfkIvVvAEYL47H7OhPBMTOzhV06Zv/3HiJOzGguxvQsqaRoZKGjCkfK0Knkupl2p0V/tGSzUAXun15cyLRsSj/pnIDUfULKUSh/w8cgMtVJEHhRPiZPe5kOoyTnEXqJPy+S76kuEkD7rf4MOjvznLLeMsObFex/p36IwBFKSDCN0Gx8zW3pahSZFTqbJ6Jx8SyOeWFW38cdmvSwl5JBZFwKU58weJLnfVM/7jn3Tw5PxuIC+x6Yru9Zu7J4ftCpn4VTW/Xpm11htqUnmlryBmDFGLIbsue8leli6XgAdaGappjugQGlk/EBACoQCSAAwADCwX+gAEQpQAD7ggTmoEEjoUD/gQVqADEEABcQIAAYJr/sP/a/+KaHVZiChgjNgPRFc857NKy5m1jT4P7vdZ03xnTGdMZfj2lr0tTknVNAAXd/gOPgCVLA1V42t2jPTL4ew22Xkhswp+6DRPsCTP8fqTsxYTrQE13/EogWgHzW9O/lDX6PnhTevqT3RWOrV3PYwTitRwFCiwx1mYCr6CuftjyvxLiGYNqbEXm3qiP9udtSUutFXf2jB2aapLzrZ4f4bI6s2vBA3rKyhJ6Ee0fZfeDwa7xYl7iz8+Tcvo3zf+EglukQUvg25ncnERPmzkkeTYcrPvW04zvR+JxwK8I+0rD0+TP2jD8aD0u3hs2JOpyAdaGappjugQGlk/EBACoQCSAAwADCwX+gAEQpQAD7ggUooEEyoUEOgQWsAJEDABkQHAAYBzxy4wAtYrNtQEek0N9V7x1V8kQmAYD+6DNCGkDH4zL8knVLk6HetGXMXD8FHtgy/FEFXRvdxVcQfL9lbYZi4DVz/JK3RtXN/9BiY8zVdYILBif+ZrCIOvpHFX/BpLIv7OguhnUA+6RAMUhl4E2kVb43iJRRIOz9p9/tCm2OFboCkmled2C1Q5uETGllMlgPpzS34x4PtmiphIwEEFZkZdGPoqN3cDvjSg8SWez055Is6QmELZ3ZDeFYGIjPrh+itT1fqMBbx+4tno39Caj0jgZ4AloQn2O3wSV3nwo7Z4j+q3tcc8kapY/HFZ+ULimEnlnBIwGxT3Fd+IvfNDXMi0AAdaGappjugQGlk/EBACoQCSAAwADCwX+gAEQpQAD7ggVqHFO7a427i7OBALeG94EB8YHB';

/** The demo clip as a Blob. */
export function webmClip(): Blob {
  return new Blob([Uint8Array.from(atob(CLIP), (c) => c.charCodeAt(0))], { type: 'video/webm' });
}
